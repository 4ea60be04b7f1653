"""The rules' typed parameters and facts stay in step with the data models that feed them."""

from dataclasses import fields
from typing import get_args

import pytest

from gapcheck.rules.params import PARAMS
from gapcheck.standard import Test
from gapcheck.vocab import TestKind


@pytest.mark.parametrize("model", get_args(get_args(Test)[0]), ids=lambda m: m.__name__)
def test_each_test_model_has_a_params_dataclass_with_the_same_fields(model) -> None:  # type: ignore[no-untyped-def]
    kinds = get_args(model.model_fields["kind"].annotation)
    for kind in kinds:
        params = PARAMS[kind]
        assert {f.name for f in fields(params)} == set(model.model_fields) - {"kind"}, kind


def test_every_test_kind_has_parameters() -> None:
    assert set(PARAMS) == {k.value for k in TestKind}
