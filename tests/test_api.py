"""The Python API (``import orgkg``), as the README shows it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

import orgkg
from orgkg.ingest import InputError

HERE = Path(__file__).parent
ARTICLES = HERE / "fixtures" / "articles"
ID = "https://w3id.org/orgkg/id/"
INJECTION = 'x" ) } UNION { ?person ?p ?o } #'


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return orgkg.build([ARTICLES])


def test_build_returns_a_dataset_with_one_graph_per_article(ds: Dataset) -> None:
    assert isinstance(ds, Dataset)
    names = {str(g.identifier) for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier}
    assert names == {
        f"{ID}article/eurasian-council-minsk",
        f"{ID}article/nordic-river-memorandum",
        f"{ID}article/southern-forum",
    }


def test_build_takes_a_single_path_and_a_base(tmp_path: Path) -> None:
    one = orgkg.build(ARTICLES / "southern-forum.txt", base="https://example.org/kg/")
    subjects = {str(s) for s, *_ in one.quads((None, None, None, None))}
    assert "https://example.org/kg/article/southern-forum" in subjects
    assert not any(s.startswith(ID) for s in subjects)


def test_build_missing_path_raises() -> None:
    with pytest.raises(InputError, match="no-such"):
        orgkg.build([ARTICLES / "no-such.txt"])


def test_query_named_with_keyword_params(ds: Dataset) -> None:
    res = orgkg.query(ds, "officials-of-body", org="Eurasian Economic Commission")
    names = {str(n) for n in res.column("name")}
    assert {"Ivan Petrov", "Olga Sidorenko"} <= names
    df = res.to_dataframe()
    assert len(df) == len(res) and "name" in df.columns
    assert "org" not in df.columns  # parameters are not result columns


def test_query_param_injection_gives_no_rows(ds: Dataset) -> None:
    assert len(orgkg.query(ds, "officials-of-body", org=INJECTION)) == 0
    assert len(orgkg.query(ds, "SELECT ?p WHERE { ?p rdfs:label ?name }", name=INJECTION)) == 0


def test_query_bad_sparql_raises_query_error(ds: Dataset) -> None:
    from orgkg.query import QueryError

    with pytest.raises(QueryError):
        orgkg.query(ds, "SELECT ?x WHERE { ?x a ")
    with pytest.raises(QueryError, match="no-such-query"):
        orgkg.query(ds, "no-such-query")


def test_export_load_and_query_a_file(ds: Dataset, tmp_path: Path) -> None:
    path = orgkg.export(ds, tmp_path / "g.ttl")
    assert path == tmp_path / "g.ttl"
    g = Graph().parse(path, format="turtle")
    assert (URIRef(f"{ID}person/ivan-petrov"), None, None) in g
    res = orgkg.query(str(path), "SELECT ?n WHERE { ?p a foaf:Person ; rdfs:label ?n }")
    assert "Erik Holm" in {str(r[0]) for r in res.rows}
    back = orgkg.load(tmp_path / "g.ttl")
    assert len(back) == len(g) or sum(1 for _ in back.quads((None, None, None, None))) == len(g)


def test_export_with_explicit_format(ds: Dataset, tmp_path: Path) -> None:
    path = orgkg.export(ds, tmp_path / "g.out", "nq")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.endswith(" .") for line in lines)
    assert lines == sorted(lines)


def test_viz_writes_offline_html(ds: Dataset, tmp_path: Path) -> None:
    path = orgkg.viz(ds, tmp_path / "g.html")
    html = Path(path).read_text(encoding="utf-8")
    assert "Olga Sidorenko" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, flags=re.IGNORECASE)


def test_stats(ds: Dataset) -> None:
    stats = orgkg.stats(ds)
    assert stats["classes"]["foaf:Person"] >= 6
    assert stats["classes"]["schema:NewsArticle"] == 3
    assert stats["properties"]["org:member"] >= 1


def test_validate_conforms(ds: Dataset) -> None:
    report = orgkg.validate(ds)
    assert report.conforms, report.text


def test_extract_one_text() -> None:
    ex = orgkg.extract(
        "Chairman of the Board of the Eurasian Economic Commission Ivan Petrov took part in the meeting "
        "of the Council held in Minsk on March 3.",
        date="2023-03-01",
    )
    kinds = {f.kind for f in ex.facts}
    assert "role" in kinds
    role = next(f for f in ex.facts if f.kind == "role")
    assert ex.entities[role.subject].name == "Ivan Petrov"
    assert role.role and "Chairman" in role.role
    for f in ex.facts:
        assert 0 <= f.confidence <= 1 and f.rule
        assert ex.article.text[f.evidence.start : f.evidence.end] == f.evidence.text


def test_api_names_stay_callable_after_their_subpackages_are_imported(ds: Dataset, tmp_path: Path) -> None:
    """orgkg.query / extract / viz are also subpackages; importing them must not hide the functions."""
    import orgkg.extract.article  # noqa: F401
    import orgkg.query.sparql
    import orgkg.viz.network  # noqa: F401

    for _ in range(2):
        assert len(orgkg.query(ds, "SELECT ?m WHERE { ?m a org:Membership }")) >= 1
        assert orgkg.extract("Foreign Minister of Uzbekistan Farrukh Alimov visited Minsk.").facts
        assert Path(orgkg.viz(ds, tmp_path / "v.html")).exists()
    assert orgkg.query.sparql.run_query is orgkg.query.run_query  # the module is still there


def test_api_store_round_trip(tmp_path) -> None:
    """The knowledge base from Python: build into it, query, export, stats, validate, viz."""
    import orgkg
    from orgkg.graph.store import KnowledgeBase

    articles = Path(__file__).parent / "fixtures" / "articles"
    kb = orgkg.build(articles, store=tmp_path / "kb")
    assert isinstance(kb, KnowledgeBase) and len(kb.articles()) == 3
    assert orgkg.query(kb, "officials-of-body", org="Eurasian Economic Commission").rows
    out = orgkg.export(kb, tmp_path / "kb.ttl")
    assert out.stat().st_size > 1000
    assert orgkg.stats(kb)["classes"]["foaf:Person"] >= 3
    assert orgkg.validate(kb).conforms
    assert orgkg.viz(kb, tmp_path / "kb.html").exists()
    again = orgkg.build(articles, store=kb)
    assert again is kb
    kb.close()
    with orgkg.load(tmp_path / "kb") as ro:
        assert len(ro.articles()) == 3
