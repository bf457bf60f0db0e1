"""posts-as-of reads dated posts (org:memberDuring) as well as article dates, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgkg
from orgkg.graph.store import KnowledgeBase
from orgkg.pipeline import build
from orgkg.query import resolve_query

ARTICLE = """Forum in Bishkek

01.05.2022

Former Prime Minister of Kyrgyzstan Omar Aliev (2010–2012) and Prime Minister of Kyrgyzstan Adylbek \
Kasymaliev, in office since 2021, attended the forum in Bishkek. Foreign Minister of Kyrgyzstan Ruslan \
Kazakbaev attended too.
"""


@pytest.fixture(scope="module")
def graphs(tmp_path_factory) -> tuple:
    d: Path = tmp_path_factory.mktemp("posts")
    (d / "forum.txt").write_text(ARTICLE, encoding="utf-8")
    kb = KnowledgeBase(None)
    build([d], store=kb)
    return build([d]).dataset, kb


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2011", {"Omar Aliev"}),  # his dated tenure covers 2011, though the article is from 2022
        ("2019-06-01", set()),  # before the article, and outside every dated tenure
        ("2021-06-01", {"Adylbek Kasymaliev"}),  # in office since 2021; Kazakbaev only by the article
        ("2022-06", {"Adylbek Kasymaliev", "Ruslan Kazakbaev"}),
        (None, {"Adylbek Kasymaliev", "Ruslan Kazakbaev"}),  # Aliev's post ended
    ],
)
def test_posts_as_of_reads_tenures(graphs, date: str | None, expected: set[str]) -> None:
    ds, kb = graphs
    params = {"org": "Kyrgyzstan"} | ({"date": date} if date else {})
    on_rdflib = {str(r[1]) for r in orgkg.query(ds, "posts-as-of", **params).rows}
    on_oxigraph = {str(r[1]) for r in kb.query(resolve_query("posts-as-of"), params).rows}
    assert on_rdflib == on_oxigraph == expected
