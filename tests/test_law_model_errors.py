"""Bad input in the new fields of the law model: located, with the allowed values and a suggestion, exit 2."""

import shutil
from pathlib import Path

import pytest

from gapcheck.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "statutes"

CASES = [
    # (fixture, file, text replaced, replacement, text of the line the problem is on, fragments of the message)
    (
        "xb",
        "_jurisdiction.yaml",
        "act: accession, date: 2006",
        "act: acession, date: 2006",
        "act: acession",
        ["'acession' is not an allowed value", "(did you mean 'accession'?)", "ratification"],
    ),
    (
        "xb",
        "_jurisdiction.yaml",
        "instrument: opsc",
        "instrument: opcs",
        "instrument: opcs",
        ["unknown instrument 'opcs'", "(did you mean 'opsc'?)", "file names under standards/"],
    ),
    (
        "xb",
        "_jurisdiction.yaml",
        "    source: Council of Europe Treaty Office, chart of signatures (fixture)\n",
        "",
        "instrument: lanzarote",
        ["without events states non-party status"],
    ),
    (
        "xk",
        "trafficking-act.yaml",
        "acts: [transportation,",
        "acts: [transport,",
        "acts: [transport,",
        ["'transport' is not an allowed value", "(did you mean 'transportation'?)", "harbouring"],
    ),
    (
        "xf",
        "penal-code.yaml",
        "combination: or",
        "combination: either",
        "combination: either",
        ["'either' is not an allowed value", "and_or"],
    ),
    (
        "xf",
        "penal-code.yaml",
        "circumstance: as_business",
        "circumstance: as_a_business",
        "as_a_business",
        ["'as_a_business' is not an allowed value", "(did you mean 'as_business'?)"],
    ),
    (
        "xf",
        "penal-code.yaml",
        "fine: {max: 5000, currency: XXX}",
        "fine: {max: 5000}",
        "fine: {max: 5000}",
        ["needs its `currency`"],
    ),
    (
        "xm",
        "islamic-family-law.yaml",
        "population: muslim",
        "population: muslims",
        "population: muslims",
        ["unknown population 'muslims'", "(did you mean 'muslim'?)", "declared: muslim"],
    ),
    (
        "xm",
        "islamic-family-law.yaml",
        "granted_by: religious_authority",
        "granted_by: syariah_court",
        "syariah_court",
        ["'syariah_court' is not an allowed value", "religious_authority"],
    ),
    (
        "xd",
        "_jurisdiction.yaml",
        "measure: mediation_threshold",
        "measure: mediation_treshold",
        "mediation_treshold",
        ["(did you mean 'mediation_threshold'?)"],
    ),
    (
        "xt",
        "_jurisdiction.yaml",
        "valid_from: 2020-01-01",
        "valid_from: 2019-01-01",
        "valid_from: 2019-01-01",
        ["meanings of 'minor' overlap"],
    ),
    (
        "xv",
        "penal-code.yaml",
        "in_force_until: 2017-01-01\n        source: Penal Code 2000",
        "in_force_until: 2017-13-01\n        source: Penal Code 2000",
        "2017-13-01",
        ["is not a date"],
    ),
]


@pytest.mark.parametrize(
    ("code", "name", "old", "new", "anchor", "fragments"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)]
)
def test_bad_new_field_is_located_with_allowed_values(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    code: str,
    name: str,
    old: str,
    new: str,
    anchor: str,
    fragments: list[str],
) -> None:
    folder = tmp_path / code
    shutil.copytree(FIXTURES / code, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if anchor in row)
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{name}:{line}:" in err, err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
