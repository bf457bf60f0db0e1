"""Cross-article identity: which names the resolver gives one IRI, and which it keeps apart."""

from __future__ import annotations

import pytest

from orgkg import extract
from orgkg.resolve.acronyms import abbreviates
from orgkg.resolve.identity import Resolver, person_key


@pytest.mark.parametrize(
    ("short", "name", "expected"),
    [
        ("EAEU", "Eurasian Economic Union", True),
        ("ASEAN", "Association of Southeast Asian Nations", True),
        ("CIS", "Commonwealth of Independent States", True),
        ("OSCE", "Organization for Security and Co-operation in Europe", True),
        ("AU", "African Union", True),
        ("EU", "Eurasian Economic Union", False),  # every content word must give a letter
        ("EAEU", "European Union", False),
        ("AU", "Arab Union of Electricity", False),
    ],
)
def test_abbreviates(short: str, name: str, expected: bool) -> None:
    assert abbreviates(short, name) is expected


def _iris(resolver: Resolver, text: str, art: str = "a") -> dict[str, str]:
    ex = extract(text, id=art, date="2024-05-01")
    iris = resolver.resolve(ex)
    return {ent.name: iris[k] for k, ent in ex.entities.items()}


def test_bare_acronym_in_a_later_article_is_the_body_it_abbreviates() -> None:
    r = Resolver()
    first = _iris(r, "Ministers of the Eurasian Economic Union met in Moscow on 2 May 2024.", "a")
    later = _iris(r, "The EAEU ministers met again in Minsk on 3 May 2024.", "b")
    assert later["EAEU"] == first["Eurasian Economic Union"]


def test_full_name_in_a_later_article_joins_the_acronym_seen_first() -> None:
    r = Resolver()
    first = _iris(r, "The EAEU ministers met in Minsk on 3 May 2024.", "a")
    later = _iris(r, "Ministers of the Eurasian Economic Union met in Moscow on 2 May 2024.", "b")
    assert later["Eurasian Economic Union"] == first["EAEU"]


def test_an_acronym_two_known_bodies_fit_stays_apart() -> None:
    r = Resolver()
    a = _iris(r, "The Eurasian Economic Commission met in Moscow on 2 May 2024.", "a")
    b = _iris(r, "The European Economic Community met in Brussels on 2 May 2024.", "b")
    c = _iris(r, "The EEC met in Minsk on 3 May 2024.", "c")
    assert c["EEC"] not in (a["Eurasian Economic Commission"], b["European Economic Community"])


@pytest.mark.parametrize(
    ("later", "same"),
    [
        ("Sergei Lebedev", True),  # transliteration
        ("S. Lebedev", True),  # initial + surname, one known Lebedev
        ("Sergey Vladimirovich Lebedev", True),  # with patronymic
        ("Dr Sergey Lebedev", True),  # honorific
        ("Datuk Seri Sergey Lebedev", True),  # a compound title
        ("Pavel Lebedev", False),  # a shared surname is not enough
        ("Sergey Petrovich Lebedev", False),  # contradicts a known patronymic below
    ],
)
def test_person_name_variants(later: str, same: bool) -> None:
    r = Resolver()
    first = _iris(r, "Executive Secretary of the CIS Sergey Vladimirovich Lebedev attended the meeting.", "a")
    second = _iris(r, f"Executive Secretary of the CIS {later} attended the summit.", "b")
    name = later.removeprefix("Dr ").removeprefix("Datuk Seri ")
    assert (second[name] == first["Sergey Vladimirovich Lebedev"]) is same


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Dato' Sri Aziz Rahman", "aziz rahman"),
        ("Datuk Seri Aziz Rahman", "aziz rahman"),
        ("Dato\u2019 Seri Aziz Rahman", "aziz rahman"),
        ("Tan Sri Aziz Rahman", "aziz rahman"),
        ("Tun Dr Aziz Rahman", "aziz rahman"),
        ("Sri Wahyuni Hartono", "sri wahyuni hartono"),  # a name, not a title
        ("Tan Boon Keat", "tan boon keat"),
        ("Tun Tun Naing", "tun tun naing"),
    ],
)
def test_person_key_drops_titles_not_names(name: str, key: str) -> None:
    assert person_key(name) == key


def test_initial_with_two_candidates_stays_apart() -> None:
    r = Resolver()
    a = _iris(r, "Minister of Finance of Kazakhstan Ivan Petrov attended the meeting.", "a")
    b = _iris(r, "Minister of Energy of Kazakhstan Igor Petrov attended the meeting.", "b")
    c = _iris(r, "Minister I. Petrov attended the session.", "c")
    assert c["I. Petrov"] not in (a["Ivan Petrov"], b["Igor Petrov"])


@pytest.mark.parametrize(
    ("later", "name", "who"),
    [
        ("Minister of Finance of Kazakhstan I. Petrov attended the session.", "I. Petrov", "Ivan Petrov"),
        ("Minister of Energy of Kazakhstan I. Petrov attended the session.", "I. Petrov", "Igor Petrov"),
        ("Minister of Energy of Kazakhstan Petrov attended the forum.", "Petrov", "Igor Petrov"),
        ("Minister of Transport of Kazakhstan Petrov attended the forum.", "Petrov", None),  # no one known
        ("Minister of Energy of Kazakhstan Pavel Petrov attended the forum.", "Pavel Petrov", None),
    ],
)
def test_the_post_names_its_holder(later: str, name: str, who: str | None) -> None:
    """Of two known Petrovs, the post the article gives the name decides; never against the given names."""
    r = Resolver()
    known = _iris(r, "Minister of Finance of Kazakhstan Ivan Petrov attended the meeting.", "a")
    known |= _iris(r, "Minister of Energy of Kazakhstan Igor Petrov attended the meeting.", "b")
    got = _iris(r, later, "c")[name]
    if who is None:
        assert got not in (known["Ivan Petrov"], known["Igor Petrov"])
        assert r.merges == []
    else:
        assert got == known[who]
        (merge,) = r.merges
        assert merge.name == name and "the same post" in merge.evidence and "Kazakhstan" in merge.evidence


def test_the_post_names_its_holder_across_builds_of_a_store(tmp_path) -> None:
    """A store teaches the resolver the posts it holds: a later build finds the holder by post."""
    from orgkg.graph.store import KnowledgeBase
    from orgkg.pipeline import build

    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "a.txt").write_text(
        "Ministers met\n\n01.05.2024\n\nMinister of Finance of Kazakhstan Ivan Petrov and Minister of "
        "Energy of Kazakhstan Igor Petrov attended the meeting in Astana.\n",
        encoding="utf-8",
    )
    (later / "b.txt").write_text(
        "Forum in Almaty\n\n02.05.2024\n\nMinister of Energy of Kazakhstan I. Petrov attended the forum "
        "in Almaty.\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase(tmp_path / "kb")
    build([first], store=kb)
    build([later], store=kb)
    rows = kb.query(
        "SELECT DISTINCT ?name WHERE { ?e schema:attendee ?p . ?p a foaf:Person ; rdfs:label ?name }"
    ).rows
    assert {str(r[0]) for r in rows} == {"Ivan Petrov", "Igor Petrov"}
    forum = kb.query(
        "SELECT ?name WHERE { ?e schema:attendee ?p ; rdfs:label ?l . ?p a foaf:Person . "
        'FILTER(CONTAINS(LCASE(?l), "forum")) '
        "?p rdfs:label ?name }"
    ).rows
    assert [str(r[0]) for r in forum] == ["Igor Petrov"]
    kb.close()
