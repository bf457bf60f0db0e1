"""Every named query runs on a real build of the dev corpus, with and without parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgkg
from orgkg.query import named_queries

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="module")
def dev():
    if not CORPUS.is_dir():
        pytest.skip(f"no dev corpus at {CORPUS}")
    return orgkg.build([CORPUS])


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_runs_on_the_dev_corpus(dev, name: str) -> None:
    rows = orgkg.query(dev, name).rows
    assert rows, f"{name} returned nothing on the dev corpus"


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("officials-of-body", {"org": "Eurasian Economic Commission"}),
        ("agreements-of-body", {"org": "ASEAN"}),
        ("meetings-of-person", {"person": "Mikhail Myasnikovich"}),
        ("meetings-between", {"org": "CIS", "from": "2015-01-01", "to": "2017-12-31"}),
        ("posts-as-of", {"org": "Eurasian Economic Commission", "date": "2021-01-01"}),
        ("sub-organizations", {"org": "SCO"}),
    ],
)
def test_named_query_with_parameters_finds_the_body_or_person(dev, name: str, params: dict) -> None:
    assert orgkg.query(dev, name, **params).rows
