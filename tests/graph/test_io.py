"""Graph files: formats, byte-identical output, atomic writes, named graphs and evidence.

Built from ``tests/fixtures/articles`` (and the real dev corpus where noted, skipped if
``../shared/corpus/dev`` is absent).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef

from orgkg.graph.io import (
    FormatError,
    format_for,
    load_graph,
    serialize,
    union_graph,
    write_atomic,
    write_graph,
)
from orgkg.ingest import read_inputs
from orgkg.model import Article
from orgkg.pipeline import build

HERE = Path(__file__).parent
ARTICLES = HERE.parent / "fixtures" / "articles"
CORPUS = HERE.parent.parent.parent / "shared" / "corpus" / "dev"

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
OKG = Namespace("https://w3id.org/orgkg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
BASE = "https://w3id.org/orgkg/id/"
FORMATS = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nq": ".nq", "jsonld": ".jsonld"}
RDFLIB_FORMAT = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    result = build([ARTICLES])
    assert result.articles == 3 and not [s for s in result.skipped if "not an article" not in s.reason]
    return result.dataset


def _triples(ds: Dataset) -> set:
    return {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("a.ttl", "turtle"), ("a.TRIG", "trig"), ("a.nq", "nq"), ("a.nt", "nt"), ("a.jsonld", "jsonld")],
)
def test_format_from_extension(path: str, fmt: str) -> None:
    assert format_for(path) == fmt


def test_unknown_format_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="extension"):
        format_for("graph.rdf")
    with pytest.raises(FormatError, match="unknown format"):
        format_for("graph.ttl", "rdfxml")
    assert format_for("graph.rdf", "NT") == "nt"


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_round_trips(dataset: Dataset, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"g{FORMATS[fmt]}"
    write_graph(dataset, path)
    back = load_graph(path)
    assert _triples(back) == _triples(dataset)
    assert len(union_graph(back)) == len(union_graph(dataset))
    again = Dataset()
    if fmt in ("turtle", "nt"):
        again.default_graph.parse(path, format=RDFLIB_FORMAT[fmt])
    else:
        again.parse(path, format=RDFLIB_FORMAT[fmt])
        graphs = {c for *_, c in again.quads((None, None, None, None)) if c != again.default_graph.identifier}
        assert graphs == {c for *_, c in dataset.quads((None, None, None, None)) if c is not None}
    assert len(_triples(again)) == len(union_graph(dataset))


# ---------------------------------------------------------------- determinism

_WRITE_ALL = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from orgkg.graph.io import serialize
    from orgkg.pipeline import build

    ds = build([sys.argv[1]]).dataset
    out = Path(sys.argv[2])
    for fmt, ext in (("turtle", "ttl"), ("trig", "trig"), ("nq", "nq"), ("nt", "nt"), ("jsonld", "jsonld")):
        (out / f"graph.{ext}").write_bytes(serialize(ds, fmt))
    """
)


def test_same_input_gives_byte_identical_files(dataset: Dataset, tmp_path: Path) -> None:
    """A second build in another process, under another hash seed (rdflib keeps named graphs
    in a set, so their order follows the seed), writes the same bytes as this one."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    proc = subprocess.run(
        [sys.executable, "-c", _WRITE_ALL, str(ARTICLES), str(tmp_path)],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    for fmt, ext in (("turtle", "ttl"), ("trig", "trig"), ("nq", "nq"), ("nt", "nt"), ("jsonld", "jsonld")):
        here = serialize(dataset, fmt)
        assert here == (tmp_path / f"graph.{ext}").read_bytes(), f"graph.{ext} differs between builds"
        assert len(here) > 1000


def test_trig_lists_named_graphs_in_iri_order(dataset: Dataset) -> None:
    text = serialize(dataset, "trig").decode("utf-8")
    heads = [line.split()[0] for line in text.splitlines() if line.endswith("{") and not line.startswith(" ")]
    assert len(heads) == 3
    assert heads == sorted(heads)


# ---------------------------------------------------------------- atomic writes


def test_write_atomic_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "out.ttl"
    write_atomic(path, b"one\n")
    write_atomic(path, b"two\n")
    assert path.read_bytes() == b"two\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["out.ttl"]


def test_failed_write_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "out.trig"
    path.write_bytes(b"old\n")

    def fail(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("orgkg.graph.io.os.fsync", fail)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, b"new contents that never land\n" * 1000)
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_failed_serialisation_keeps_the_old_file(dataset: Dataset, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "out.ttl"
    path.write_bytes(b"old\n")

    def explode(self, *args, **kwargs):
        raise RuntimeError("serializer exploded")

    monkeypatch.setattr(Graph, "serialize", explode)
    with pytest.raises(RuntimeError):
        write_graph(dataset, path)
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


# ---------------------------------------------------------------- named graphs and evidence


def _articles(*paths: Path) -> dict[URIRef, Article]:
    return {URIRef(f"{BASE}article/{a.id}"): a for a in read_inputs(list(paths)) if isinstance(a, Article)}


def _check_named_graphs_and_evidence(ds: Dataset, articles: dict[URIRef, Article]) -> int:
    """Every fact node sits in its article's graph with evidence that quotes the text exactly.

    Returns the number of fact nodes checked.
    """
    graphs = {g.identifier: g for g in ds.graphs() if len(g)}
    graphs.pop(ds.default_graph.identifier, None)
    assert set(graphs) == set(articles)
    checked = 0
    for name, g in graphs.items():
        text = articles[name].text
        assert (name, RDF_TYPE, SCHEMA.NewsArticle) in g
        # Everything in the graph that says where it came from says: this article.
        for _, src in g.subject_objects(PROV.wasDerivedFrom):
            assert src == name, (name, src)
        for cls in (ORG.Membership, SCHEMA.Event, OKG.Agreement):
            for node in g.subjects(RDF_TYPE, cls):
                assert (node, PROV.wasDerivedFrom, name) in g, node
                evidence = list(g.objects(node, OKG.evidence))
                assert evidence, f"{node} has no okg:evidence"
                for ev in evidence:
                    exact, start, end = (g.value(ev, p) for p in (OA.exact, OA.start, OA.end))
                    assert exact is not None and start is not None and end is not None, ev
                    assert isinstance(start, Literal) and isinstance(end, Literal)
                    s, e = int(start), int(end)
                    assert 0 <= s < e <= len(text), (ev, s, e, len(text))
                    assert text[s:e] == str(exact), (ev, text[s:e], str(exact))
                    assert (ev, PROV.wasDerivedFrom, name) in g
                checked += 1
    return checked


def test_fixture_facts_sit_in_their_article_graph_with_exact_evidence(dataset: Dataset) -> None:
    checked = _check_named_graphs_and_evidence(dataset, _articles(ARTICLES))
    assert checked >= 6


def test_trig_file_keeps_the_graphs_and_evidence(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "x.trig"
    write_graph(dataset, path)
    back = Dataset()
    back.parse(path, format="trig")
    assert _check_named_graphs_and_evidence(back, _articles(ARTICLES)) >= 6


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the dev corpus (../shared/corpus/dev) is not here")
def test_dev_corpus_facts_sit_in_their_article_graph_with_exact_evidence() -> None:
    result = build([CORPUS])
    assert result.articles == len(list(CORPUS.glob("*.txt")))
    checked = _check_named_graphs_and_evidence(result.dataset, _articles(CORPUS))
    assert checked >= result.articles
