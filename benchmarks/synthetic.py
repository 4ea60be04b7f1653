"""Synthetic jurisdictions for benchmarks: N provisions of random offences, thresholds and measures.

The same seeded data is built in memory (`jurisdiction`) or written as YAML files (`write`),
so that a command-line benchmark reads exactly what an in-process one evaluates.
"""

import json
import random
from pathlib import Path

from gapcheck.load import Corpus, LoadedInstrument
from gapcheck.models import JurisdictionFile, StatuteFile
from gapcheck.vocab import Conduct, MeasureKind, Object, Sex, Subject
from gapcheck.yamlsrc import YamlDoc

PER_INSTRUMENT = 30
INDEX = "_jurisdiction.yaml"


def files(code: str, provisions: int, seed: int = 0) -> dict[str, dict[str, object]]:
    """A jurisdiction as data by file name: an index and instruments of 30 provisions."""
    rng = random.Random(seed)
    out: dict[str, dict[str, object]] = {
        INDEX: {
            "jurisdiction": {"name": code, "as_of": "2020-01-01", "source": "synthetic"},
            "complete": [{"themes": ["csam"], "source": "synthetic"}],
        }
    }
    for start in range(0, provisions, PER_INSTRUMENT):
        number = start // PER_INSTRUMENT
        out[f"act-{number}.yaml"] = {
            "instrument": {"title": f"Synthetic act {number}", "kind": "law", "adopted": 2000, "source": "synthetic"},
            "provisions": [_provision(rng, n) for n in range(start, min(start + PER_INSTRUMENT, provisions))],
        }
    return out


def jurisdiction(code: str, provisions: int, seed: int = 0) -> Corpus:
    """The jurisdiction, validated in memory (no YAML parsed)."""
    data = files(code, provisions, seed)
    doc = YamlDoc(Path(f"<synthetic {code}>"), {}, {})
    index = JurisdictionFile.model_validate(data.pop(INDEX))
    instruments = tuple(
        LoadedInstrument(f"{code}/{name.removesuffix('.yaml')}", doc, StatuteFile.model_validate(body))
        for name, body in sorted(data.items())
    )
    return Corpus(code, Path(code), index, instruments)


def write(root: Path, code: str, provisions: int, seed: int = 0) -> Path:
    """Write the jurisdiction under `root/code/` as YAML files (block style) and return the folder."""
    folder = root / code
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files(code, provisions, seed).items():
        (folder / name).write_text(to_yaml(body), encoding="utf-8")
    return folder


def to_yaml(value: object, indent: str = "") -> str:
    """Block-style YAML of plain data (strings quoted as JSON, which YAML reads the same)."""
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{indent}{key}:\n{to_yaml(item, indent + '  ')}")
            else:
                lines.append(f"{indent}{key}: {_scalar(item)}\n")
        return "".join(lines)
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, (dict, list)) and item:
                body = to_yaml(item, indent + "  ")
                lines.append(f"{indent}- {body[len(indent) + 2 :]}")
            else:
                lines.append(f"{indent}- {_scalar(item)}\n")
        return "".join(lines)
    return f"{indent}{_scalar(value)}\n"


def _scalar(value: object) -> str:
    if value == [] or value == {}:
        return json.dumps(value)
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)


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
