"""Tenure dates on posts: org:memberDuring where the sentence dates the post."""

from __future__ import annotations

import pytest
from rdflib import Namespace, URIRef

from orgkg import extract
from orgkg.graph.io import union_graph
from orgkg.pipeline import build

ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")


def _posts(text: str) -> dict[str, tuple[str | None, str | None, bool]]:
    ex = extract(text, date="2020-05-01")
    return {ex.entities[f.subject].name: (f.start, f.end, f.current) for f in ex.facts if f.kind == "role"}


@pytest.mark.parametrize(
    ("text", "person", "expected"),
    [
        (
            "Former Prime Minister of Kyrgyzstan Omar Aliev (2010–2012) attended the forum.",
            "Omar Aliev",
            ("2010", "2012", False),
        ),
        (
            "Minister of Finance of Kazakhstan Ivan Petrov, in office since 2018, and Minister of Energy "
            "of Kazakhstan Igor Sokolov attended.",
            "Ivan Petrov",
            ("2018", None, True),
        ),
        (
            "Ivan Petrov, Minister of Finance of Kazakhstan until 2019, attended the meeting.",
            "Ivan Petrov",
            (None, "2019", True),
        ),
    ],
)
def test_tenure_goes_to_the_post_named_before_it(text: str, person: str, expected) -> None:
    assert _posts(text)[person] == expected


def test_tenure_is_not_given_to_the_other_official() -> None:
    posts = _posts(
        "Minister of Finance of Kazakhstan Ivan Petrov, in office since 2018, and Minister of Energy "
        "of Kazakhstan Igor Sokolov attended."
    )
    assert posts["Igor Sokolov"] == (None, None, True)


def test_a_date_range_about_something_else_is_no_tenure() -> None:
    posts = _posts(
        "He was held in prison from 26 December 2010 until 7 April 2013 when President of Ukraine "
        "Viktor Yanukovych pardoned him."
    )
    assert posts.get("Viktor Yanukovych", (None, None, True))[:2] == (None, None)


def test_member_during_in_the_graph(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        "Forum in Bishkek\n\n01.05.2020\n\nFormer Prime Minister of Kyrgyzstan Omar Aliev (2010–2012) "
        "attended the forum in Bishkek.\n",
        encoding="utf-8",
    )
    g = union_graph(build([f]).dataset)
    [m] = list(g.subjects(ORG.member, URIRef("https://w3id.org/orgkg/id/person/omar-aliev")))
    interval = g.value(m, ORG.memberDuring)
    assert (interval, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), TIME.Interval) in g
    begin = g.value(g.value(interval, TIME.hasBeginning), TIME.inXSDgYear)
    end = g.value(g.value(interval, TIME.hasEnd), TIME.inXSDgYear)
    assert (str(begin), str(end)) == ("2010", "2012")
