"""Synthetic jurisdictions for benchmarks: N provisions of random offences, thresholds and measures."""

import random
from pathlib import Path

from gapcheck.load import Corpus, LoadedInstrument
from gapcheck.models import JurisdictionFile, StatuteFile
from gapcheck.vocab import Conduct, MeasureKind, Object, Sex, Subject
from gapcheck.yamlsrc import YamlDoc


def jurisdiction(code: str, provisions: int, seed: int = 0) -> Corpus:
    """A jurisdiction of `provisions` provisions spread over instruments of 30."""
    rng = random.Random(seed)
    doc = YamlDoc(Path(f"<synthetic {code}>"), {}, {})
    instruments = []
    for start in range(0, provisions, 30):
        provs = [_provision(rng, n) for n in range(start, min(start + 30, provisions))]
        model = StatuteFile.model_validate(
            {
                "instrument": {
                    "title": f"Synthetic act {start // 30}",
                    "kind": "law",
                    "adopted": 2000,
                    "source": "synthetic",
                },
                "provisions": provs,
            }
        )
        instruments.append(LoadedInstrument(f"{code}/act-{start // 30}", doc, model))
    index = JurisdictionFile.model_validate(
        {
            "jurisdiction": {"name": code, "as_of": "2020-01-01", "source": "synthetic"},
            "complete": [{"themes": ["csam"], "source": "synthetic"}],
        }
    )
    return Corpus(code, Path(code), index, tuple(instruments))


def _provision(rng: random.Random, n: int) -> dict[str, object]:
    prov: dict[str, object] = {"id": f"art-{n}", "heading": f"Provision {n}", "source": "synthetic"}
    kind = rng.random()
    if kind < 0.8:
        lo = rng.randint(0, 16)
        prov["offences"] = [
            {
                "id": "o",
                "conduct": rng.sample([c.value for c in Conduct], rng.randint(1, 3)),
                "object": rng.choice([o.value for o in Object]),
                "victim": {"age_from": lo, "age_below": rng.randint(lo + 1, 18), "sex": rng.choice(list(Sex)).value},
                "penalty": {"min": f"{rng.randint(1, 12)} months", "max": f"{rng.randint(1, 20)} years"},
                "source": "synthetic",
            }
        ]
    elif kind < 0.9:
        prov["thresholds"] = [
            {"subject": rng.choice(list(Subject)).value, "age": rng.randint(10, 18), "source": "synthetic"}
        ]
    else:
        prov["measures"] = [
            {"kind": rng.choice(list(MeasureKind)).value, "source": "synthetic", "max_penalty": "3 years"}
        ]
    return prov
