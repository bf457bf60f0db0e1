"""Run SPARQL over an orgkg graph: named queries, parameters, result formats.

Named queries live in ``ontology/queries/*.rq``. Each starts with a comment block::

    # title: Officials of a body
    # description: People who hold a post in a body or one of its organs...
    # params: org (the body's name, alternative name or IRI; any case)

A parameter is a variable of the query that the runner pre-binds to an RDF term
(rdflib ``initBindings``, pyoxigraph ``substitutions``); its value is never pasted into
the query text. The parameter ``org`` binds ``?org``. A query still runs without its
parameters: it then returns everything.

Rules for writing a query so that both engines bind parameters the same way
(pyoxigraph follows SPARQL SEP-0007, rdflib makes the binding visible everywhere):

* project every parameter variable in the outer ``SELECT`` (pyoxigraph refuses to bind
  a variable the query does not return) and in every sub-``SELECT`` that uses it
  (pyoxigraph renames a sub-query's private variables). The runner drops parameter
  columns from the result;
* never test a parameter with ``BOUND(?p)``: pyoxigraph's optimiser folds it to false.
  Use ``COALESCE(?p, fallback)``, which sees the bound value in both engines;
* use DISTINCT or GROUP BY: pyoxigraph 0.5 repeats a triple stated in several named
  graphs (see :func:`merged_store`).

And so that rdflib's evaluator (rdflib 7) is not slow:

* only a join whose two sides contain no other join, DISTINCT or LIMIT passes the
  bindings of its left side into its right side; any other join evaluates both sides
  alone and compares every pair. An OPTIONAL always passes them. So a query starts
  with its selective part (a sub-``SELECT`` finding the body by name, with GROUP BY
  rather than DISTINCT), then one block of triples, then OPTIONALs; a zero-or-more
  path that must follow the sub-select goes in an OPTIONAL (it always matches, so
  that is an inner join);
* within a block of triples rdflib runs first the triples with fewest variables, then
  those whose variables recur most, then in the order of their terms: check with
  ``rdflib.plugins.sparql.algebra.translateQuery`` that the block starts from a bound
  variable;
* a group's FILTERs run after its OPTIONALs: put a filter in a nested ``{ }`` with the
  pattern it restricts. FILTER EXISTS costs about 10 ms a row;
* a GROUP BY sub-select with nothing to group gives one empty row: follow it with
  ``FILTER(BOUND(?key))`` in the same nested group.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD
from rdflib.term import Identifier, Node

from orgkg.graph.keys import name_key
from orgkg.resources import ontology_dir

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyoxigraph
    from rich.table import Table

__all__ = [
    "PREFIXES",
    "NamedQuery",
    "QueryError",
    "QueryResult",
    "merged_store",
    "named_queries",
    "param_term",
    "parse_header",
    "resolve_query",
    "run_query",
    "run_query_oxigraph",
    "shorten",
]

#: Prefixes every query may use without declaring them (and used to shorten IRIs).
PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "okg": "https://w3id.org/orgkg/ontology#",
    "time": "http://www.w3.org/2006/time#",
    "id": "https://w3id.org/orgkg/id/",
}

_XSD_STRING = str(XSD.string)
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^\d{4}$")
_SPARQL_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(?:SELECT|ASK|CONSTRUCT|DESCRIBE|PREFIX|BASE)\b", re.IGNORECASE
)
_HEADER_KEYS = ("title", "description", "params")


class QueryError(Exception):
    """A query that cannot be found, read, parsed or run; the message is one line."""

    def __init__(self, message: str):
        super().__init__(_one_line(message))


def _one_line(text: object, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


# ---------------------------------------------------------------- named queries


@dataclass
class NamedQuery:
    """A query of ``ontology/queries``: its file stem, header fields and text."""

    name: str
    title: str
    description: str
    params: dict[str, str]  # parameter name -> what to give it
    text: str


def parse_header(text: str) -> dict[str, Any]:
    """Read the leading ``# key: value`` comment block of a query.

    Returns ``title`` and ``description`` (strings) and ``params`` (name -> description).
    A comment line without a known key continues the previous field.
    """
    fields: dict[str, str] = {}
    key: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        if not body:  # a bare "#" line ends the field above it
            key = None
            continue
        match = re.match(r"([A-Za-z]+)\s*:\s*(.*)$", body)
        if match and match.group(1).lower() in _HEADER_KEYS:
            key = match.group(1).lower()
            fields[key] = match.group(2).strip()
        elif key:
            fields[key] = f"{fields[key]} {body}".strip()
    return {
        "title": fields.get("title", ""),
        "description": fields.get("description", ""),
        "params": _parse_params(fields.get("params", "")),
    }


def _parse_params(spec: str) -> dict[str, str]:
    """``org (a name), date (an ISO date)`` -> {"org": "a name", "date": "an ISO date"}."""
    items, depth, current = [], 0, []
    for ch in spec:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    params: dict[str, str] = {}
    for item in items:
        match = re.match(r"\s*[?$]?([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$", item, re.DOTALL)
        if match and match.group(1).lower() not in ("none", "no"):
            params[match.group(1)] = " ".join((match.group(2) or "").split())
    return params


def named_queries() -> dict[str, NamedQuery]:
    """The queries of ``ontology/queries/*.rq``, by file stem, in name order."""
    folder = ontology_dir() / "queries"
    queries: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        head = parse_header(text)
        queries[path.stem] = NamedQuery(
            name=path.stem,
            title=head["title"] or path.stem,
            description=head["description"],
            params=head["params"],
            text=text,
        )
    return queries


def resolve_query(q: str) -> str:
    """The SPARQL text for ``q``: a named query's name, a ``.rq`` file, or SPARQL text."""
    spec = q.strip()
    if not spec:
        raise QueryError("empty query: give SPARQL text, a .rq file or a named query")
    queries = named_queries()
    if spec in queries:
        return queries[spec].text
    if _SPARQL_START.match(spec) or "{" in spec:
        return q
    path = Path(spec).expanduser()
    if path.suffix.lower() in (".rq", ".sparql", ".txt") or path.exists() or "/" in spec:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise QueryError(f"cannot read query file {spec}: {reason}") from exc
    raise QueryError(
        f"unknown query {spec!r}; named queries: {', '.join(queries) or '(none)'}"
        " (or give SPARQL text or a .rq file)"
    )


# ---------------------------------------------------------------- parameters


def param_term(value: object) -> Identifier:
    """The RDF term a parameter value is bound to.

    An ISO date (``2022-02-11``, ``2022-02``, ``2022``) becomes an ``xsd:date``,
    ``xsd:gYearMonth`` or ``xsd:gYear`` literal, an http(s) IRI a ``URIRef``, any
    other string a plain literal. RDF terms pass through; Python dates, numbers and
    booleans become typed literals.
    """
    if isinstance(value, Identifier):
        return value
    if isinstance(value, bool | int | float | Decimal | dt.date):
        return Literal(value)
    text = str(value)
    token = text.strip()
    if _DATE.match(token):
        try:
            dt.date.fromisoformat(token)
            return Literal(token, datatype=XSD.date)
        except ValueError:
            pass
    elif _YEAR_MONTH.match(token):
        return Literal(token, datatype=XSD.gYearMonth)
    elif _YEAR.match(token):
        return Literal(token, datatype=XSD.gYear)
    elif _IRI.match(token):
        return URIRef(token)
    return Literal(text)


def _bindings(
    query_text: str,
    params: Mapping[str, object] | None,
    label_of: Callable[[URIRef], str | None] | None = None,
) -> dict[str, Identifier]:
    """Check parameter names against the query and turn values into RDF terms.

    A query that finds an entity by name uses ``?{param}Key`` against the nodes'
    ``skos:hiddenLabel`` search keys (an index lookup, where a case-insensitive compare
    of every label is a scan); it is bound here to the value's key, or for an IRI to the
    key of its label (``label_of`` looks that up).
    """
    bindings: dict[str, Identifier] = {}
    for raw_name, value in (params or {}).items():
        name = raw_name.lstrip("?$")
        if not _VARNAME.match(name):
            raise QueryError(f"bad parameter name {raw_name!r}: use letters, digits and _")
        if not re.search(rf"[?$]{name}(?![A-Za-z0-9_])", query_text):
            declared = parse_header(query_text)["params"]
            takes = f"it takes: {', '.join(declared)}" if declared else "it takes no parameters"
            raise QueryError(f"unknown parameter {name!r}: the query has no ?{name} ({takes})")
        if value is None:
            continue
        bindings[name] = param_term(value)
    for name, term in list(bindings.items()):
        key_var = f"{name}Key"
        if not re.search(rf"[?$]{key_var}(?![A-Za-z0-9_])", query_text):
            continue
        if isinstance(term, URIRef):
            label = label_of(term) if label_of is not None else None
            key = name_key(label) if label else "\u0000no such node"
        else:
            key = name_key(str(term))
        bindings[key_var] = Literal(key)
    return bindings


def _hidden(query_text: str, bindings: Mapping[str, Identifier]) -> set[str]:
    """Result columns to drop: the declared parameters, their keys and the bound ones."""
    declared = set(parse_header(query_text)["params"])
    return declared | {f"{p}Key" for p in declared} | set(bindings)


# ---------------------------------------------------------------- results


def shorten(term: Node | None) -> str:
    """A short display form: ``org:Membership``, ``id:person/mher-grigoryan``, a literal's text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        best = max(
            ((p, ns) for p, ns in PREFIXES.items() if iri.startswith(ns) and len(iri) > len(ns)),
            key=lambda item: len(item[1]),
            default=None,
        )
        return f"{best[0]}:{iri[len(best[1]) :]}" if best else iri
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _nt(term: Node | None) -> str:
    """N-Triples form of a term, as the SPARQL TSV format wants it."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = (
            str(term)
            .replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def _python(term: Node | None) -> object:
    """A plain Python value for a data frame cell."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, Node):
            return str(value)
        return value
    return str(term)


@dataclass
class QueryResult:
    """What a query returned, as rdflib terms, whichever engine ran it.

    ``kind`` is ``select`` (``vars`` and ``rows``; an unbound cell is ``None``),
    ``ask`` (``boolean``) or ``graph`` (CONSTRUCT / DESCRIBE: ``graph``).
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def __len__(self) -> int:
        if self.kind == "graph":
            return len(self.graph) if self.graph is not None else 0
        if self.kind == "ask":
            return 1
        return len(self.rows)

    def column(self, name: str) -> list[Node | None]:
        """The values of one variable, row by row."""
        if name not in self.vars:
            raise QueryError(f"no column {name!r}; columns: {', '.join(self.vars)}")
        i = self.vars.index(name)
        return [row[i] for row in self.rows]

    def records(self) -> list[dict[str, Node | None]]:
        """Rows as dicts, variable -> term."""
        return [dict(zip(self.vars, row, strict=True)) for row in self.rows]

    def _table(self) -> tuple[list[str], list[tuple[Node | None, ...]]]:
        if self.kind == "select":
            return self.vars, self.rows
        if self.kind == "ask":
            return ["boolean"], [(Literal(bool(self.boolean)),)]
        graph = self.graph if self.graph is not None else Graph()
        return ["subject", "predicate", "object"], sorted(graph, key=lambda t: tuple(map(str, t)))

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results: plain values, CRLF line ends (ASK: one ``boolean`` cell)."""
        if self.kind == "graph":
            raise QueryError("CSV is for SELECT and ASK results; use to_turtle() for a graph")
        names, rows = self._table()
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if t is None else str(t) for t in row])
        return out.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV results: ``?var`` header, terms in N-Triples form."""
        if self.kind == "graph":
            raise QueryError("TSV is for SELECT and ASK results; use to_turtle() for a graph")
        names, rows = self._table()
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_nt(t) for t in row) for row in rows]
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (a graph result gives JSON-LD)."""
        if self.kind == "graph":
            return (self.graph or Graph()).serialize(format="json-ld")
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": bool(self.boolean)}, indent=2)
        bindings = [
            {var: _json_term(t) for var, t in zip(self.vars, row, strict=True) if t is not None}
            for row in self.rows
        ]
        doc = {"head": {"vars": list(self.vars)}, "results": {"bindings": bindings}}
        return json.dumps(doc, indent=2, ensure_ascii=False)

    def to_turtle(self) -> str:
        """Turtle for a CONSTRUCT / DESCRIBE result."""
        if self.kind != "graph":
            raise QueryError("Turtle is for CONSTRUCT and DESCRIBE results; use CSV, TSV or JSON")
        graph = self.graph if self.graph is not None else Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True, replace=True)
        return graph.serialize(format="turtle")

    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame (IRIs as strings, literals as Python values)."""
        import pandas as pd

        names, rows = self._table()
        return pd.DataFrame([[_python(t) for t in row] for row in rows], columns=names)

    def to_rich_table(self, title: str | None = None) -> Table:
        """A rich Table, IRIs shortened with :data:`PREFIXES`."""
        from rich.table import Table
        from rich.text import Text

        names, rows = self._table()
        table = Table(title=title, show_lines=False)
        for name in names:
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*(Text(shorten(t)) for t in row))
        return table


# ---------------------------------------------------------------- rdflib


def _syntax_error(exc: Exception) -> QueryError:
    lineno, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    msg = getattr(exc, "msg", None) or str(exc)
    where = f" at line {lineno}, column {col}" if lineno is not None and col is not None else ""
    return QueryError(f"SPARQL syntax error{where}: {msg}")


@lru_cache(maxsize=64)
def _prepare(query_text: str) -> Any:
    """Parse and translate once (rdflib's parser takes 0.05-0.4 s on these queries)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(query_text, initNs=PREFIXES)
    except ParseException as exc:
        raise _syntax_error(exc) from exc
    except Exception as exc:  # rdflib's translator raises plain Exceptions
        raise QueryError(f"invalid SPARQL: {exc}") from exc


def _is_oxigraph_backed(graph: Graph) -> bool:
    """An rdflib graph over oxrdflib's store: its SPARQL runs in Oxigraph, from the text."""
    return type(getattr(graph, "store", None)).__name__ == "OxigraphStore"


def run_query(graph: Graph, query_text: str, params: Mapping[str, object] | None = None) -> QueryResult:
    """Run SPARQL on an rdflib Graph or Dataset (the union of its graphs).

    ``params`` maps parameter names to values (see :func:`param_term`); each binds the
    variable of the same name. Raises :class:`QueryError` on a bad query or parameter.
    """
    bindings = _bindings(query_text, params, lambda iri: _rdflib_label(graph, iri))
    hidden = _hidden(query_text, bindings)
    query: Any = query_text if _is_oxigraph_backed(graph) else _prepare(query_text)
    restore: bool | None = None
    if getattr(graph, "default_union", True) is False:  # a Dataset: query all graphs
        restore = False
        graph.default_union = True  # type: ignore[attr-defined]
    try:
        result = graph.query(query, initNs=PREFIXES, initBindings=bindings)
        return _from_rdflib(result, hidden)
    except QueryError:
        raise
    except SyntaxError as exc:  # from Oxigraph, under oxrdflib
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except Exception as exc:
        raise QueryError(f"query failed: {type(exc).__name__}: {exc}") from exc
    finally:
        if restore is not None:
            graph.default_union = restore  # type: ignore[attr-defined]


_ORDER_BY = re.compile(r"\bORDER\s+BY\b([^{}#]*)$", re.I)
_TEXT_KEY = re.compile(
    r'\s*(?:(ASC|DESC)\s*\(\s*)?COALESCE\s*\(\s*STR\s*\(\s*\?(\w+)\s*\)\s*,\s*""\s*\)', re.I
)


def split_text_order(query_text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """The query without its final ORDER BY, and that ORDER BY's keys (variable, descending),
    when every key is the text of a variable (``COALESCE(STR(?v), "")``, optionally in ASC
    or DESC) and nothing (no LIMIT or OFFSET) follows. Else None.

    Oxigraph evaluates a sort key at every comparison and reads the strings it compares
    from disk each time: on a 300-row answer from a 1M-triple store the sort took a third
    of the query. Sorting the answer's text in Python gives the same order.
    """
    m = _ORDER_BY.search(query_text.rstrip())
    if not m:
        return None
    rest, keys = m.group(1), []
    while rest.strip():
        k = _TEXT_KEY.match(rest)
        if not k:
            return None
        rest = rest[k.end() :]
        if k.group(1):
            close = re.match(r"\s*\)", rest)
            if not close:
                return None
            rest = rest[close.end() :]
        keys.append((k.group(2), (k.group(1) or "").upper() == "DESC"))
    return (query_text.rstrip()[: m.start()], keys) if keys else None


def _text(term: object) -> str:
    """SPARQL's COALESCE(STR(term), ""): a blank node or an unbound value has no text."""
    return "" if term is None or isinstance(term, BNode) else str(term)


def sort_by_text(rows: list[tuple], names: list[str], keys: list[tuple[str, bool]]) -> list[tuple]:
    """Rows ordered as ``ORDER BY`` the text of ``keys`` (variable, descending) orders them."""
    for var, desc in reversed(keys):  # stable sorts, least significant key first
        i = names.index(var)
        rows.sort(key=lambda r: _text(r[i]), reverse=desc)
    return rows


def distinct_rows(rows: list[tuple], names: list[str], keep: list[int]) -> list[tuple]:
    """Rows once each, in order, when hidden columns were dropped.

    A named query projects its parameters and their search keys (pyoxigraph binds only
    projected variables); without a parameter a node's several keys would repeat a row
    that DISTINCT kept apart by its key. Named queries are all SELECT DISTINCT.
    """
    if len(keep) == len(names):
        return rows
    return list(dict.fromkeys(rows))


def _rdflib_label(graph: Graph, iri: URIRef) -> str | None:
    quads = getattr(graph, "quads", None)
    if quads is not None:
        return next((str(o) for _, _, o, _ in quads((iri, RDFS.label, None, None))), None)
    return next((str(o) for o in graph.objects(iri, RDFS.label)), None)


def _from_rdflib(result: Any, hidden: set[str]) -> QueryResult:
    kind = str(result.type).upper()
    if kind == "ASK":
        return QueryResult(kind="ask", boolean=bool(result.askAnswer))
    if kind in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for triple in result.graph or ():
            graph.add(triple)
        return QueryResult(kind="graph", graph=graph)
    names = [str(v) for v in result.vars]
    keep = [i for i, n in enumerate(names) if n not in hidden]
    rows = [tuple(row[i] for i in keep) for row in result]
    return QueryResult(kind="select", vars=[names[i] for i in keep], rows=distinct_rows(rows, names, keep))


# ---------------------------------------------------------------- pyoxigraph


def _to_ox(term: Identifier) -> Any:
    from orgkg.graph.terms import to_ox

    try:
        return to_ox(term)
    except TypeError as exc:
        raise QueryError(f"cannot bind {term!r}") from exc


def merged_store(store: pyoxigraph.Store) -> pyoxigraph.Store:
    """A new in-memory Store whose default graph is the RDF merge of all of ``store``'s graphs.

    pyoxigraph 0.5 repeats a triple once per named graph holding it when it queries the
    union of the graphs (oxigraph issue #1919, fixed after 0.5): labels and types that
    several articles state then multiply rows through every join. Query this copy
    instead (about 0.5 s per 100k quads).
    """
    import pyoxigraph as ox

    merged = ox.Store()
    merged.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in store)
    return merged


def run_query_oxigraph(
    store: pyoxigraph.Store,
    query_text: str,
    params: Mapping[str, object] | None = None,
    *,
    union: bool = True,
) -> QueryResult:
    """:func:`run_query` on a pyoxigraph Store (default graph = union of all graphs).

    ``union=False`` reads the store's own default graph instead: an orgkg knowledge base
    keeps the merge of its article graphs there (see :mod:`orgkg.graph.store`).

    With pyoxigraph 0.5 a triple stated in several named graphs matches once per graph
    (see :func:`merged_store`); the named queries use DISTINCT or GROUP BY so their rows
    are right either way, but a store from :func:`merged_store` is much faster.
    """
    import pyoxigraph as ox

    from orgkg.graph.terms import from_ox

    def label_of(iri: URIRef) -> str | None:
        found = store.quads_for_pattern(ox.NamedNode(str(iri)), ox.NamedNode(str(RDFS.label)), None, None)
        return next((q.object.value for q in found), None)

    bindings = _bindings(query_text, params, label_of)
    hidden = _hidden(query_text, bindings)
    substitutions = {ox.Variable(name): _to_ox(term) for name, term in bindings.items()}
    ordered = split_text_order(query_text)

    def run(text: str) -> Any:
        return store.query(
            text, prefixes=PREFIXES, substitutions=substitutions or None, use_default_graph_as_union=union
        )

    try:
        result = run(ordered[0] if ordered else query_text)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            graph = Graph()
            for t in result:
                graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
            return QueryResult(kind="graph", graph=graph)
        names = [v.value for v in result.variables]
        if ordered and not all(var in names for var, _ in ordered[1]):
            ordered = None  # it sorts by a variable it does not return: Oxigraph sorts
            result = run(query_text)
        keep = [i for i, n in enumerate(names) if n not in hidden]
        # a term repeats down a column (a body's label, a role): convert each one once
        converted: dict[object, Node | None] = {None: None}

        def term(t: object) -> Node | None:
            try:
                return converted[t]
            except KeyError:
                converted[t] = out = from_ox(t)
                return out

        if ordered:
            every = [tuple(term(solution[i]) for i in range(len(names))) for solution in result]
            rows = [tuple(r[i] for i in keep) for r in sort_by_text(every, names, ordered[1])]
        else:
            rows = [tuple(term(solution[i]) for i in keep) for solution in result]
        rows = distinct_rows(rows, names, keep)
        return QueryResult(kind="select", vars=[names[i] for i in keep], rows=rows)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except QueryError:
        raise
    except Exception as exc:
        msg = str(exc)
        if "projection" in msg and bindings:
            msg += " (pyoxigraph only binds parameters the SELECT returns: add them to it)"
        raise QueryError(f"query failed: {msg}") from exc
