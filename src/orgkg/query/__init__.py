"""Query an orgkg graph with SPARQL: named queries, parameters, result formats."""

from orgkg.query.sparql import (
    PREFIXES,
    NamedQuery,
    QueryError,
    QueryResult,
    merged_store,
    named_queries,
    param_term,
    parse_header,
    resolve_query,
    run_query,
    run_query_oxigraph,
    shorten,
)

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
