"""The SPARQL endpoint client without a server: parameters written into the query text,
results read from SPARQL JSON, and the HTTP it speaks (a fake server, httpx.MockTransport).

The server-side behaviour (Virtuoso) is in test_virtuoso.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD

import orgkg
from orgkg.graph.remote import (
    Endpoint,
    EndpointError,
    bind_in_text,
    parse_results_json,
    query_form,
    sparql_term,
    with_prefixes,
)
from orgkg.graph.store import KnowledgeBase
from orgkg.query import QueryError, named_queries
from orgkg.query.sparql import _bindings, _hidden, run_query_oxigraph

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "fixtures" / "articles"
INJECTION = 'x" ) } UNION { ?person ?p ?o } #'
PARAMS = {
    "officials-of-body": {"org": "Eurasian Economic Commission"},
    "agreements-of-body": {"org": "Kazakhstan"},
    "meetings-of-person": {"person": "Ivan Petrov"},
    "meetings-between": {"org": "Eurasian Economic Commission", "from": "2019", "to": "2030-12"},
    "posts-as-of": {"org": "Eurasian Economic Commission", "date": "2030-01-01"},
    "sub-organizations": {"org": "Eurasian Economic Commission"},
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    from orgkg.pipeline import build

    with KnowledgeBase(tmp_path_factory.mktemp("kb") / "kb") as kb:
        build([ARTICLES], store=kb)
        yield kb


# ---------------------------------------------------------------- terms and text


@pytest.mark.parametrize(
    ("term", "text"),
    [
        (URIRef("https://w3id.org/orgkg/id/org/cis"), "<https://w3id.org/orgkg/id/org/cis>"),
        (Literal(INJECTION), '"x\\" ) } UNION { ?person ?p ?o } #"'),
        (Literal('a\\b\n"\t\x01'), '"a\\\\b\\n\\"\\t\\u0001"'),
        (Literal("2021-01-01", datatype=XSD.date), '"2021-01-01"^^<http://www.w3.org/2001/XMLSchema#date>'),
        (Literal("Москва", lang="ru"), '"Москва"@ru'),
    ],
)
def test_terms_are_written_in_ntriples_syntax(term, text: str) -> None:
    assert sparql_term(term) == text


@pytest.mark.parametrize(
    "bad", [URIRef("http://x/a> } UNION {"), Literal("x", datatype=URIRef("http://x/> } #")), BNode("b")]
)
def test_a_term_that_cannot_be_written_safely_is_refused(bad) -> None:
    with pytest.raises(QueryError):
        sparql_term(bad)


def test_values_go_into_the_outer_query_and_every_sub_select() -> None:
    text = named_queries()["posts-as-of"].text
    bound = bind_in_text(text, {"org": Literal("CIS")})
    # the outer query and both sub-selects of the latest attestation
    assert bound.count('VALUES ?org { "CIS" }') == 3
    # nothing is written inside comments, strings or the CONSTRUCT template
    q = 'CONSTRUCT { ?s ?p ?o } WHERE { # a { comment\n ?s ?p "{ WHERE {" }'
    assert bind_in_text(q, {"o": Literal("x")}) == q.replace("WHERE {", 'WHERE { VALUES ?o { "x" } ', 1)


def test_query_form_and_prefixes() -> None:
    assert query_form("PREFIX ex: <http://ex/select#>\n# ASK\nCONSTRUCT WHERE { ?s ?p ?o }") == "construct"
    assert query_form(named_queries()["officials-of-body"].text) == "select"
    text = with_prefixes("PREFIX org: <http://example.org/>\nSELECT * WHERE { ?s org:x ?o }")
    assert "PREFIX rdfs:" in text and text.count("PREFIX org:") == 1


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_values_in_the_text_answer_as_substitutions_do(kb: KnowledgeBase, name: str) -> None:
    """What a server receives, run on Oxigraph, gives what the embedded store's binding gives."""
    text = named_queries()[name].text
    for params in (PARAMS.get(name, {}), {k: INJECTION for k in PARAMS.get(name, {})}):
        bindings = _bindings(text, params)
        expected = kb.query(text, params)
        sent = with_prefixes(bind_in_text(text, bindings))
        got = run_query_oxigraph(kb.store, sent, None, union=False)
        hidden = _hidden(text, bindings)
        keep = [i for i, v in enumerate(got.vars) if v not in hidden]
        assert [got.vars[i] for i in keep] == expected.vars
        assert {tuple(r[i] for i in keep) for r in got.rows} == set(expected.rows)
    assert kb.query(text, PARAMS.get(name, {})).rows, f"{name} {PARAMS.get(name)} finds nothing"


def test_sparql_json_results_are_read_as_terms() -> None:
    doc = {
        "head": {"vars": ["s", "n", "l", "org"]},
        "results": {
            "bindings": [
                {
                    "s": {"type": "uri", "value": "http://x/a"},
                    "n": {"type": "typed-literal", "datatype": str(XSD.integer), "value": "3"},
                    "l": {"type": "literal", "xml:lang": "en", "value": "A"},
                },
                {"s": {"type": "bnode", "value": "b0"}, "org": {"type": "literal", "value": "CIS"}},
            ]
        },
    }
    res = parse_results_json(json.dumps(doc), hidden={"org"})
    assert res.vars == ["s", "n", "l"]
    assert res.rows[0] == (URIRef("http://x/a"), Literal(3), Literal("A", lang="en"))
    assert res.rows[1][1:] == (None, None)
    assert parse_results_json('{"head": {}, "boolean": true}').boolean is True


# ---------------------------------------------------------------- HTTP, against a fake server


class FakeServer:
    """A Graph Store Protocol + SPARQL server in memory, wanting basic or digest auth."""

    def __init__(self, scheme: str = "basic", graph_param: str = "graph"):
        self.scheme, self.graph_param = scheme, graph_param
        self.graphs: dict[str, bytes] = {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        auth = request.headers.get("authorization", "")
        if request.url.path.endswith("-auth") and not auth.lower().startswith(self.scheme):
            challenge = (
                'Basic realm="x"' if self.scheme == "basic" else 'Digest realm="x", nonce="n", qop="auth"'
            )
            return httpx.Response(401, headers={"WWW-Authenticate": challenge})
        if request.method == "PUT":
            graph = request.url.params.get(self.graph_param)
            if graph is None:
                return httpx.Response(400, text="no graph named")
            self.graphs[graph] = request.content
            return httpx.Response(201)
        if request.method == "POST":
            body = {"head": {"vars": ["g"]}, "results": {"bindings": []}}
            return httpx.Response(200, json=body, headers={"Content-Type": "application/sparql-results+json"})
        return httpx.Response(405)


def _dataset() -> Dataset:
    ds = Dataset()
    for i in range(3):
        g = ds.graph(URIRef(f"https://w3id.org/orgkg/id/article/a{i}"))
        g.add((URIRef("http://x/s"), URIRef("http://x/p"), Literal(f"v{i}")))
        g.add((URIRef("http://x/s"), URIRef("http://x/q"), Literal("shared")))
    return ds


@pytest.mark.parametrize("scheme", ["basic", "digest"])
def test_push_puts_each_graph_with_the_auth_the_server_asks_for(scheme: str) -> None:
    server = FakeServer(scheme)
    with Endpoint("http://fake/sparql", user="u", password="p", transport=httpx.MockTransport(server)) as ep:
        assert ep.graph_store_url == "http://fake/sparql-graph-crud-auth"
        first = ep.push(_dataset())
        again = ep.push(_dataset())
    assert (first.graphs, first.triples) == (again.graphs, again.triples) == (3, 6)
    assert sorted(server.graphs) == [f"https://w3id.org/orgkg/id/article/a{i}" for i in range(3)]
    assert all(
        r.headers["content-type"] == "application/n-triples" for r in server.requests if r.method == "PUT"
    )


def test_push_falls_back_to_graph_uri_when_graph_is_refused() -> None:
    server = FakeServer(graph_param="graph-uri")
    with Endpoint("http://fake/sparql", user="u", password="p", transport=httpx.MockTransport(server)) as ep:
        assert ep.push(_dataset()).graphs == 3
        assert ep.graph_param == "graph-uri"
    assert len(server.graphs) == 3


def test_http_errors_are_one_line() -> None:
    server = FakeServer()
    crud = "http://fake/sparql-graph-crud-auth"  # no user given: the server's challenge is an error
    with Endpoint("http://fake/sparql", graph_store_url=crud, transport=httpx.MockTransport(server)) as ep:
        with pytest.raises(EndpointError, match="401") as info:
            ep.push(_dataset())
    assert info.value.status == 401 and "\n" not in str(info.value)
    with Endpoint("http://fake/query", transport=httpx.MockTransport(server)) as ep:
        with pytest.raises(EndpointError, match="--graph-store"):
            ep.push(_dataset())


def test_orgkg_query_takes_an_endpoint() -> None:
    seen = []

    def server(request: httpx.Request) -> httpx.Response:
        seen.append(request.content.decode())
        return httpx.Response(200, json={"head": {"vars": ["x"]}, "results": {"bindings": []}})

    with orgkg.Endpoint("http://fake/sparql", transport=httpx.MockTransport(server)) as ep:
        assert orgkg.query(ep, "officials-of-body", org="CIS").rows == []
    sent = httpx.QueryParams(seen[0])["query"]
    assert sent.count('VALUES ?org { "CIS" }') == 1 and 'VALUES ?orgKey { "cis" }' in sent
    assert sent.startswith("PREFIX ")
