"""The knowledge base on disk: adding, re-adding, replacing and removing articles.

Articles are the invented ones in ``tests/fixtures/articles`` plus a few written here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDFS, Literal, URIRef
from typer.testing import CliRunner

from orgkg.cli import app
from orgkg.graph.io import union_graph
from orgkg.graph.store import KnowledgeBase, StoreError
from orgkg.pipeline import build

HERE = Path(__file__).parent
ARTICLES = HERE.parent / "fixtures" / "articles"
ID = "https://w3id.org/orgkg/id/"
runner = CliRunner()

MINSK_UPDATE = """Eurasian Commission Council meets in Minsk

03.03.2023

MINSK, March 3, 2023 – Chairman of the Board of the Eurasian Economic Commission Ivan Petrov took part in \
the meeting of the Council of the Eurasian Economic Commission held in Minsk on March 3.

Deputy Prime Minister of Armenia Karen Hakobyan also attended the meeting.
"""

# A second article that attests Ivan Petrov again, and nobody else from the first.
PETROV_AGAIN = """EEC Board Chairman visits Bishkek

10.04.2023

BISHKEK, April 10, 2023 – Chairman of the Board of the Eurasian Economic Commission Ivan Petrov held talks \
with Prime Minister of Kyrgyzstan Adylbek Kasymaliev in Bishkek.
"""


def _triples(kb: KnowledgeBase) -> set[tuple[str, str, str]]:
    return {(str(s), str(p), str(o)) for s, p, o in _rdflib_triples(kb)}


def _rdflib_triples(kb: KnowledgeBase):
    return set(union_graph(kb.dataset()))


def _labels(kb: KnowledgeBase) -> set[str]:
    rows = kb.query("SELECT DISTINCT ?l WHERE { ?s rdfs:label ?l }")
    return {str(r[0]) for r in rows.rows}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    shutil.copytree(ARTICLES, d)
    return d


def test_store_holds_what_a_file_build_holds(tmp_path: Path, articles: Path) -> None:
    kb = KnowledgeBase(tmp_path / "kb")
    result = build([articles], store=kb)
    assert result.articles == 3 and result.unchanged == 0
    file_graph = union_graph(build([articles]).dataset)
    # compared as Oxigraph writes them: it keeps numbers and dates in canonical form
    # (1.0 -> 1, xsd:nonNegativeInteger -> xsd:integer)
    canonical = ox.Store()
    canonical.load(file_graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    assert {str(q.triple) for q in kb.quads()} == {str(q.triple) for q in canonical}
    assert len(kb) == len(file_graph)  # the merged default graph: each triple once
    assert kb.problems() == []
    assert len(kb.articles()) == 3


def test_unchanged_article_is_a_no_op_and_changed_one_replaces_its_graph(
    tmp_path: Path, articles: Path
) -> None:
    kb = KnowledgeBase(tmp_path / "kb")
    build([articles], store=kb)
    before = _triples(kb)
    again = build([articles], store=kb)
    assert (again.articles, again.unchanged) == (0, 3)
    assert _triples(kb) == before

    (articles / "eurasian-council-minsk.txt").write_text(MINSK_UPDATE, encoding="utf-8")
    changed = build([articles], store=kb)
    assert (changed.articles, changed.replaced, changed.unchanged) == (1, 1, 2)
    labels = _labels(kb)
    assert "Karen Hakobyan" in labels  # the new version's facts are in
    assert "Olga Sidorenko" not in labels and "Pavel Lukin" not in labels  # the old version's are gone
    assert "Ivan Petrov" in labels
    assert kb.problems() == []
    # the same as building the new versions from scratch
    fresh = KnowledgeBase(tmp_path / "fresh")
    build([articles], store=fresh)
    assert _triples(kb) == _triples(fresh)


def test_force_extracts_again(tmp_path: Path, articles: Path) -> None:
    kb = KnowledgeBase(tmp_path / "kb")
    build([articles], store=kb)
    forced = build([articles], store=kb, force=True)
    assert (forced.articles, forced.replaced, forced.unchanged) == (3, 3, 0)
    assert kb.problems() == []


def test_remove_keeps_entities_attested_elsewhere(tmp_path: Path, articles: Path) -> None:
    (articles / "petrov-bishkek.txt").write_text(PETROV_AGAIN, encoding="utf-8")
    kb = KnowledgeBase(tmp_path / "kb")
    build([articles], store=kb)
    petrov = URIRef(ID + "person/ivan-petrov")
    assert kb.remove_article(ID + "article/eurasian-council-minsk")
    assert not kb.remove_article(ID + "article/eurasian-council-minsk")  # already gone
    labels = _labels(kb)
    assert "Olga Sidorenko" not in labels  # only the removed article named her
    assert "Ivan Petrov" in labels  # still attested by the Bishkek article
    g = union_graph(kb.dataset())
    # his post is still known, from the article that remains
    memberships = set(g.subjects(URIRef("http://www.w3.org/ns/org#member"), petrov))
    assert memberships and all(
        str(g.value(m, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))).endswith("petrov-bishkek")
        for m in memberships
    )
    assert kb.problems() == []


def test_identity_carries_across_builds(tmp_path: Path, articles: Path) -> None:
    """A later build into the same store gives a known person the same IRI and label."""
    kb = KnowledgeBase(tmp_path / "kb")
    build([articles], store=kb)
    later = tmp_path / "later"
    later.mkdir()
    (later / "petrov-bishkek.txt").write_text(
        PETROV_AGAIN.replace("Ivan Petrov", "I. Petrov"), encoding="utf-8"
    )
    build([later], store=kb)
    rows = kb.query(
        "SELECT DISTINCT ?p WHERE { ?p a foaf:Person ; rdfs:label|skos:altLabel ?l "
        "FILTER(CONTAINS(?l, 'Petrov')) }"
    )
    assert [str(r[0]) for r in rows.rows] == [ID + "person/ivan-petrov"]


def test_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not an orgkg store"):
        KnowledgeBase(tmp_path)
    with pytest.raises(StoreError, match="is a file"):
        KnowledgeBase(tmp_path / "notes.txt")


def test_cli_store_commands(tmp_path: Path, articles: Path) -> None:
    kb = tmp_path / "kb"
    r = runner.invoke(app, ["build", str(articles), "--store", str(kb), "-q"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["build", str(articles), "--store", str(kb)])
    assert r.exit_code == 0 and "unchanged" in r.output
    r = runner.invoke(
        app, ["query", str(kb), "officials-of-body", "-p", "org=Eurasian Economic Commission", "-f", "csv"]
    )
    assert r.exit_code == 0 and "Ivan Petrov" in r.output
    r = runner.invoke(app, ["export", str(kb), "-f", "turtle", "-o", str(tmp_path / "kb.ttl")])
    assert r.exit_code == 0
    from rdflib import Graph

    assert len(Graph().parse(tmp_path / "kb.ttl")) == len(KnowledgeBase(kb, read_only=True))
    r = runner.invoke(app, ["export", str(kb), "-f", "trig", "-o", str(tmp_path / "kb.trig")])
    assert r.exit_code == 0
    r = runner.invoke(app, ["validate", str(kb)])
    assert r.exit_code == 0 and "conforms" in r.output
    r = runner.invoke(app, ["stats", str(kb)])
    assert r.exit_code == 0 and "named graphs: 3" in r.output
    r = runner.invoke(app, ["viz", str(kb), "-o", str(tmp_path / "kb.html")])
    assert r.exit_code == 0 and (tmp_path / "kb.html").stat().st_size > 10_000
    r = runner.invoke(app, ["remove", str(articles / "southern-forum.txt"), "--store", str(kb)])
    assert r.exit_code == 0
    r = runner.invoke(app, ["remove", "no-such-article", "--store", str(kb)])
    assert r.exit_code == 1 and "not in the store" in r.output
    r = runner.invoke(app, ["stats", str(kb)])
    assert "named graphs: 2" in r.output


def test_cli_build_needs_a_destination(articles: Path) -> None:
    r = runner.invoke(app, ["build", str(articles)])
    assert r.exit_code == 2 and "--output FILE or --store DIR" in r.output


LEBEDEV_A = """CIS ministers meet in Minsk

12.05.2023

MINSK, May 12, 2023 – Executive Secretary of the CIS Sergey Lebedev took part in the meeting of the \
Council of Foreign Ministers of the CIS held in Minsk.
"""
LEBEDEV_B = """CIS heads of government meet in Dushanbe

20.06.2023

DUSHANBE, June 20, 2023 – Executive Secretary of the CIS Sergei Lebedev attended the meeting of the \
Council of Heads of Government of the CIS held in Dushanbe.
"""
SERGEY = ID + "person/sergey-lebedev"
SERGEI = ID + "person/sergei-lebedev"


def _people(kb: KnowledgeBase, article: str) -> set[str]:
    rows = kb.query(
        "SELECT DISTINCT ?p ?a WHERE { ?m org:member ?p ; prov:wasDerivedFrom ?a }",
        {"a": ID + "article/" + article},
    )
    return {str(r[0]) for r in rows.rows}


@pytest.fixture
def lebedev(tmp_path: Path) -> KnowledgeBase:
    d = tmp_path / "cis"
    d.mkdir()
    (d / "cis-a.txt").write_text(LEBEDEV_A, encoding="utf-8")
    (d / "cis-b.txt").write_text(LEBEDEV_B, encoding="utf-8")
    kb = KnowledgeBase(tmp_path / "kb")
    build([d], store=kb)
    kb.source_dir = d  # type: ignore[attr-defined]
    return kb


def test_variant_spelling_is_merged_visibly(lebedev: KnowledgeBase) -> None:
    kb = lebedev
    assert _people(kb, "cis-b") == {SERGEY}
    [m] = kb.merges()
    assert (m["retired"], m["survivor"], m["name"]) == (SERGEI, SERGEY, "Sergei Lebedev")
    assert "transliteration" in m["evidence"]
    # the retired IRI stays resolvable, and the survivor keeps the other spelling
    assert kb.query(f"ASK {{ <{SERGEI}> owl:sameAs <{SERGEY}> }}").boolean
    assert kb.query(f'ASK {{ <{SERGEY}> skos:altLabel "Sergei Lebedev" }}').boolean
    assert kb.query(f'ASK {{ <{SERGEY}> rdfs:label "Sergey Lebedev" }}').boolean


def test_unmerge_splits_and_stays_split(lebedev: KnowledgeBase) -> None:
    kb = lebedev
    assert kb.unmerge(SERGEI) == 1
    assert _people(kb, "cis-b") == {SERGEI} and _people(kb, "cis-a") == {SERGEY}
    assert kb.query(f'ASK {{ <{SERGEI}> rdfs:label "Sergei Lebedev" }}').boolean
    assert not kb.query(f"ASK {{ <{SERGEI}> owl:sameAs ?x }}").boolean
    assert kb.problems() == []
    # extracting the articles again does not merge them back
    build([kb.source_dir], store=kb, force=True)  # type: ignore[attr-defined]
    assert _people(kb, "cis-b") == {SERGEI}
    # merged again by hand: every fact moves, and the merge survives a rebuild too
    assert kb.merge(SERGEI, SERGEY, evidence="same post, checked by hand") == 1
    assert _people(kb, "cis-b") == {SERGEY}
    assert not kb.query(f"ASK {{ <{SERGEI}> a foaf:Person }}").boolean
    build([kb.source_dir], store=kb, force=True)  # type: ignore[attr-defined]
    assert _people(kb, "cis-b") == {SERGEY}
    assert kb.problems() == []


def test_cli_entities(lebedev: KnowledgeBase, tmp_path: Path) -> None:
    path = str(lebedev.path)
    lebedev.close()
    r = runner.invoke(app, ["entities", path, "--merges", "-f", "json"])
    assert r.exit_code == 0 and "Sergei Lebedev" in r.output
    r = runner.invoke(app, ["entities", path, "--unmerge", SERGEI])
    assert r.exit_code == 0 and "unmerged" in r.output
    # a third spelling the resolver does not merge: listed for review, with the evidence
    third = tmp_path / "third"
    third.mkdir()
    (third / "cis-c.txt").write_text(LEBEDEV_A.replace("Sergey", "Sergii"), encoding="utf-8")
    assert runner.invoke(app, ["build", str(third), "--store", path, "-q"]).exit_code == 0
    r = runner.invoke(app, ["entities", path, "--duplicates", "-f", "json"])
    assert r.exit_code == 0
    import json

    sergii = ID + "person/sergii-lebedev"
    [dup] = [d for d in json.loads(r.output) if {d["a"], d["b"]} == {sergii, SERGEY}]
    assert any("same post" in e for e in dup["evidence_for"])
    assert any("different given names" in e for e in dup["evidence_against"])
    # the pair someone split is not suggested again
    assert not [d for d in json.loads(r.output) if {d["a"], d["b"]} == {SERGEI, SERGEY}]
    r = runner.invoke(app, ["entities", path, "--merge", SERGEI, "--into", SERGEY])
    assert r.exit_code == 0
    r = runner.invoke(app, ["entities", path, "-f", "json"])
    assert r.exit_code == 0
    labels = {e["label"] for e in json.loads(r.output)}
    assert "Sergey Lebedev" in labels and "Sergei Lebedev" not in labels
    r = runner.invoke(app, ["entities", path, "--merge", SERGEI])
    assert r.exit_code == 2


def test_a_long_build_flushes_the_store_as_it_goes(tmp_path, monkeypatch):
    """RocksDB keeps unflushed writes in memory: the store flushes every so many quads, so a
    build of thousands of articles stays small (benchmarks/kb.py measures the memory)."""
    import orgkg.graph.store as store_mod

    flushed = []
    monkeypatch.setattr(store_mod, "FLUSH_EVERY_QUADS", 100)
    kb = KnowledgeBase(tmp_path / "kb")
    real_flush = kb.store.flush

    class Spy:
        def __getattr__(self, name):
            return getattr(real, name)

        def flush(self):
            flushed.append(1)
            real_flush()

    real = kb.store
    kb.store = Spy()  # type: ignore[assignment]
    for i in range(5):
        base = "https://w3id.org/orgkg/id/"
        triples = [(URIRef(f"{base}s{i}-{j}"), RDFS.label, Literal(f"n{j}")) for j in range(30)]
        kb.put_article(f"{base}article/a{i}", triples)
    assert len(flushed) == 2  # 60 quads an article: after the 2nd and the 4th
    kb.store = real
    assert len(kb) == 150
    kb.close()
