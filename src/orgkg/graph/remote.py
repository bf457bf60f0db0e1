"""A remote SPARQL server: push a knowledge base to it, query it, read it back.

:class:`Endpoint` speaks two standard protocols over HTTP:

* the SPARQL 1.1 Graph Store Protocol to load data: one ``PUT`` per named graph
  (``graph_store_url?graph=G``), which replaces the graph, so pushing twice leaves the
  server as pushing once did;
* the SPARQL 1.1 Protocol to query (``query_url``, results as SPARQL JSON or Turtle).

Written against Virtuoso Open Source (``/sparql`` to query, ``/sparql-graph-crud-auth``
with HTTP digest authentication to write) and nothing Virtuoso-only: any server with
both protocols works.

The server has no way to pre-bind a variable, so parameters are written into the query
text as ``VALUES ?name { term }`` at the start of every group that opens a WHERE (the
outer query and each sub-select): the same effect as pyoxigraph's substitutions. The
term is written in N-Triples syntax with every quote, backslash and control character
escaped, so a value can never end the literal (or the IRI) it is written in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from orgkg.query.sparql import PREFIXES, QueryError, QueryResult, _bindings, _hidden

if TYPE_CHECKING:  # pragma: no cover
    from orgkg.graph.store import KnowledgeBase

__all__ = ["Endpoint", "EndpointError", "PushResult", "bind_in_text", "sparql_term"]

DEFAULT_BASE = "https://w3id.org/orgkg/id/"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RESULTS_JSON = "application/sparql-results+json"
_IRI_OK = re.compile(r"^[^\x00-\x20<>\"{}|\\^`]+$")
_LANG_OK = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")
_PAGE = 10_000


class EndpointError(Exception):
    """The server cannot be reached or refused a request; the message is one line."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(" ".join(str(message).split())[:400])
        self.status = status  # the HTTP status, when the server answered


@dataclass
class PushResult:
    """What a push sent: named graphs and triples (and graphs deleted with ``prune``)."""

    graphs: int = 0
    triples: int = 0
    deleted: int = 0


# ---------------------------------------------------------------- terms and parameters


def _escape_string(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def _iri(value: str) -> str:
    if not _IRI_OK.match(value):
        raise QueryError(f'cannot write {value!r} as an IRI: it holds a space or one of <>"{{}}|\\^`')
    return f"<{value}>"


def sparql_term(term: Identifier) -> str:
    """An RDF term in N-Triples syntax, safe to write into a SPARQL query."""
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, Literal):
        body = f'"{_escape_string(str(term))}"'
        if term.language:
            if not _LANG_OK.match(term.language):
                raise QueryError(f"bad language tag {term.language!r}")
            return f"{body}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{body}^^{_iri(str(term.datatype))}"
        return body
    raise QueryError(f"cannot bind {term!r} in a query sent to a server (only IRIs and literals)")


def _tokens(text: str) -> Iterator[tuple[int, str]]:
    """(offset, token) for SPARQL keywords and braces, skipping strings, IRIs and comments."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif ch in "\"'":
            long = text.startswith(ch * 3, i)
            quote = ch * 3 if long else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
        elif ch == "<":
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])
            if m:  # an IRI; otherwise the less-than operator
                i += m.end()
            else:
                i += 1
        elif ch in "{}":
            yield i, ch
            i += 1
        elif ch.isalpha() or ch in "?$_":
            m = re.match(r"[?$]?[A-Za-z_][A-Za-z0-9_\-.:]*", text[i:])
            word = m.group(0) if m else ch
            yield i, word
            i += len(word)
        else:
            i += 1


def _where_groups(text: str) -> list[int]:
    """Offsets just inside each ``{`` that opens a query's or a sub-select's WHERE group."""
    points, pending = [], False
    for pos, tok in _tokens(text):
        word = tok.upper()
        if word in ("SELECT", "ASK", "DESCRIBE", "WHERE"):
            pending = True
        elif word == "CONSTRUCT":
            pending = False  # its first group is the template; the WHERE keyword follows
        elif tok == "{" and pending:
            points.append(pos + 1)
            pending = False
        elif tok == "{":
            pending = False
    return points


def query_form(text: str) -> str:
    """``select``, ``ask``, ``construct`` or ``describe``: the form of a query."""
    for _, tok in _tokens(text):
        word = tok.upper()
        if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return word.lower()
    raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


def bind_in_text(text: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with each binding written as ``VALUES ?name { term }`` in every WHERE group."""
    if not bindings:
        return text
    values = " ".join(f"VALUES ?{name} {{ {sparql_term(term)} }}" for name, term in bindings.items())
    points = _where_groups(text)
    if not points:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    out, last = [], 0
    for p in points:
        out.append(text[last:p])
        out.append(f" {values} ")
        last = p
    out.append(text[last:])
    return "".join(out)


def with_prefixes(text: str) -> str:
    """The query with the predeclared :data:`PREFIXES` it does not declare itself."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z0-9_.\-]*):", text)}
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)
    return head + text


# ---------------------------------------------------------------- results


def _term(binding: Mapping[str, Any]) -> Node:
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    lang = binding.get("xml:lang")
    if lang:
        return Literal(value, lang=lang)
    datatype = binding.get("datatype")
    if datatype and datatype != _XSD_STRING:
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def parse_results_json(data: bytes | str, hidden: set[str] | None = None) -> QueryResult:
    """A SPARQL 1.1 JSON results document as a :class:`QueryResult`."""
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise EndpointError(f"the server's answer is not SPARQL JSON results: {exc}") from exc
    if "boolean" in doc:
        return QueryResult(kind="ask", boolean=bool(doc["boolean"]))
    every = doc.get("head", {}).get("vars", [])
    names = [v for v in every if v not in (hidden or set())]
    rows = []
    for b in doc.get("results", {}).get("bindings", []):
        rows.append(tuple(_term(b[n]) if n in b else None for n in names))
    if len(names) < len(every):  # hidden columns dropped: each row once (see distinct_rows)
        rows = list(dict.fromkeys(rows))
    return QueryResult(kind="select", vars=names, rows=rows)


# ---------------------------------------------------------------- authentication


class _AnyAuth(httpx.Auth):
    """HTTP basic or digest authentication, whichever the server asks for."""

    def __init__(self, user: str, password: str):
        self._digest = httpx.DigestAuth(user, password)
        self._basic = httpx.BasicAuth(user, password)
        self._scheme: str | None = None

    def auth_flow(self, request: httpx.Request):
        if self._scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        if self._scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        scheme = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
        if scheme == "basic":
            self._scheme = "basic"
            yield from self._basic.auth_flow(request)
        elif scheme == "digest":
            self._scheme = "digest"
            flow = self._digest.auth_flow(request)
            next(flow)  # the request as it was sent
            try:
                retry = flow.send(response)  # with the answer to the challenge
            except StopIteration:
                return
            response = yield retry
            try:
                flow.send(response)
            except StopIteration:
                pass


# ---------------------------------------------------------------- the endpoint


class Endpoint:
    """A SPARQL server: ``query_url`` (SPARQL Protocol) and a Graph Store Protocol URL.

    ``graph_store_url`` defaults to Virtuoso's: ``.../sparql`` becomes
    ``.../sparql-graph-crud-auth`` with credentials (``.../sparql-graph-crud`` without).
    ``graph_param`` is the query parameter that names a graph in the Graph Store
    Protocol (``graph``, the standard one; Virtuoso also reads ``graph-uri``): when the
    server rejects ``graph`` with 400 the push retries once with ``graph-uri``.
    ``base`` is the IRI prefix of the orgkg graphs on the server (what
    :meth:`dataset` and :meth:`graphs` read). ``transport`` replaces httpx's (tests).

    The server's default graph should be the union of its graphs (Virtuoso's is): the
    named queries read it. A triple stated by several articles then matches once per
    graph; the named queries use DISTINCT or GROUP BY, so their answers are the same.
    """

    def __init__(
        self,
        query_url: str,
        *,
        graph_store_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        graph_param: str = "graph",
        base: str = DEFAULT_BASE,
        timeout: float = 120.0,
        transport: httpx.BaseTransport | None = None,
    ):
        if not re.match(r"^https?://", query_url):
            raise EndpointError(f"not an http(s) URL: {query_url!r}")
        self.query_url = query_url
        if graph_store_url is None and query_url.rstrip("/").endswith("/sparql"):
            suffix = "-graph-crud-auth" if user else "-graph-crud"
            graph_store_url = query_url.rstrip("/") + suffix
        self.graph_store_url = graph_store_url
        self.graph_param = graph_param
        self.base = base
        auth = _AnyAuth(user, password or "") if user else None
        self._client = httpx.Client(auth=auth, timeout=timeout, follow_redirects=True, transport=transport)

    def __repr__(self) -> str:
        return f"Endpoint({self.query_url!r}, graph_store_url={self.graph_store_url!r})"

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ HTTP

    def _request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, url, **kwargs)
        except httpx.TimeoutException as exc:
            raise EndpointError(f"{url}: no answer in time ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise EndpointError(f"cannot reach {url}: {exc or type(exc).__name__}") from exc
        if response.status_code >= 400:
            raise EndpointError(_http_error(method, url, response), response.status_code)
        return response

    # ------------------------------------------------------------ writing

    def _put(self, graph: str, body: bytes) -> None:
        if self.graph_store_url is None:
            raise EndpointError(
                f"no Graph Store Protocol URL for {self.query_url}: give one (--graph-store URL)"
            )
        headers = {"Content-Type": "application/n-triples"}
        try:
            self._request(
                "PUT", self.graph_store_url, params={self.graph_param: graph}, content=body, headers=headers
            )
        except EndpointError as exc:
            if self.graph_param != "graph" or exc.status != 400:
                raise
            # Some servers name the graph with another parameter: try Virtuoso's once.
            self.graph_param = "graph-uri"
            try:
                self._request(
                    "PUT", self.graph_store_url, params={"graph-uri": graph}, content=body, headers=headers
                )
            except EndpointError:
                self.graph_param = "graph"
                raise

    def delete_graph(self, graph: str) -> None:
        """Delete a named graph on the server (Graph Store Protocol DELETE)."""
        if self.graph_store_url is None:
            raise EndpointError(f"no Graph Store Protocol URL for {self.query_url}")
        self._request("DELETE", self.graph_store_url, params={self.graph_param: graph})

    def push(self, source: KnowledgeBase | Dataset, *, prune: bool = False) -> PushResult:
        """Put every named graph of ``source`` on the server, replacing what it held there.

        ``prune`` also deletes the server's graphs under :attr:`base` that ``source``
        does not have (articles removed since the last push).
        """
        result = PushResult()
        names: set[str] = set()
        for name, body, count in _graphs_as_ntriples(source):
            self._put(name, body)
            names.add(name)
            result.graphs += 1
            result.triples += count
        if prune and names:  # (nothing pushed: never empty the server)
            for name in self.graphs():
                if name not in names:
                    self.delete_graph(name)
                    result.deleted += 1
        return result

    # ------------------------------------------------------------ reading

    def _label(self, iri: object) -> str | None:
        """A node's rdfs:label on the server (to bind a name key from an IRI)."""
        res = self.query(f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }} LIMIT 1")
        return str(res.rows[0][0]) if res.rows else None

    def query(self, text: str, params: Mapping[str, object] | None = None) -> QueryResult:
        """Run SPARQL on the server; parameters are bound as on the embedded store."""
        bindings = _bindings(text, params, self._label)
        hidden = _hidden(text, bindings)
        form = query_form(text)
        sent = with_prefixes(bind_in_text(text, bindings))
        accept = _RESULTS_JSON if form in ("select", "ask") else "application/n-triples, text/turtle;q=0.9"
        response = self._request(
            "POST",
            self.query_url,
            data={"query": sent},
            headers={"Accept": accept},
        )
        if form in ("select", "ask"):
            return parse_results_json(response.content, hidden)
        graph = Graph()
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        fmt = "nt" if ctype in ("application/n-triples", "text/plain") else "turtle"
        try:
            graph.parse(data=response.content.decode("utf-8"), format=fmt)
        except Exception as exc:
            raise EndpointError(f"cannot read the server's {ctype or 'graph'} answer: {exc}") from exc
        return QueryResult(kind="graph", graph=graph)

    def graphs(self) -> list[str]:
        """The named graphs on the server under :attr:`base`."""
        res = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), {sparql_term(Literal(self.base))})) }}"
        )
        return sorted(str(row[0]) for row in res.rows)

    def triple_count(self) -> int:
        """Triples in the named graphs under :attr:`base`, counted once per graph."""
        res = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), {sparql_term(Literal(self.base))})) }}"
        )
        return int(res.rows[0][0]) if res.rows else 0

    def dataset(self) -> Dataset:
        """The server's graphs under :attr:`base` as an rdflib Dataset (for viz, validate)."""
        from orgkg.pipeline import new_dataset

        ds = new_dataset(self.base)
        ds.default_union = True
        for name in self.graphs():
            graph = ds.graph(URIRef(name))
            offset = 0
            while True:
                res = self.query(
                    f"SELECT ?s ?p ?o WHERE {{ GRAPH {_iri(name)} {{ ?s ?p ?o }} }} "
                    f"ORDER BY ?s ?p ?o LIMIT {_PAGE} OFFSET {offset}"
                )
                for s, p, o in res.rows:
                    graph.add((s, p, o))
                if len(res.rows) < _PAGE:
                    break
                offset += _PAGE
        return ds


def _graphs_as_ntriples(source: Any) -> Iterator[tuple[str, bytes, int]]:
    """(graph name, its triples as N-Triples, how many) for each named graph of a source."""
    from orgkg.graph.store import KnowledgeBase

    if isinstance(source, KnowledgeBase):
        import pyoxigraph as ox

        for name in source.graphs():
            g = ox.NamedNode(name)
            count = sum(1 for _ in source.store.quads_for_pattern(None, None, None, g))
            body = source.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) or b""
            yield name, body, count
        return
    if isinstance(source, Dataset):
        default = source.default_graph.identifier
        for graph in sorted(source.graphs(), key=lambda g: str(g.identifier)):
            if graph.identifier == default or not isinstance(graph.identifier, URIRef) or not len(graph):
                continue
            yield str(graph.identifier), graph.serialize(format="nt", encoding="utf-8"), len(graph)
        return
    raise TypeError(f"cannot push {type(source).__name__}: give a KnowledgeBase or an rdflib Dataset")


def _http_error(method: str, url: str, response: httpx.Response) -> str:
    code = response.status_code
    reason = response.reason_phrase or ""
    where = url.split("?", 1)[0]
    if code == 401:
        return f"{where}: HTTP 401 {reason}: the server wants credentials (--user/--password) or refused them"
    if code == 403:
        return f"{where}: HTTP 403 {reason}: this user may not {method} there"
    detail = ""
    ctype = response.headers.get("content-type", "")
    if ctype.startswith("text/"):
        text = response.text.split("SPARQL query:", 1)[0]  # (Virtuoso echoes the whole query)
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        detail = ": " + " ".join(lines)[:240] if lines else ""
    return f"{where}: HTTP {code} {reason}{detail}"
