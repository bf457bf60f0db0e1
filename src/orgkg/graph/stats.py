"""Counts by class and by property."""

from __future__ import annotations

from collections import Counter

from rdflib import RDF, Dataset, Graph

from orgkg.graph.rdf import CLASSES

SHORT = {
    "http://www.w3.org/ns/org#": "org:",
    "https://schema.org/": "schema:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "https://w3id.org/orgkg/ontology#": "okg:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/oa#": "oa:",
}


def shorten(iri: object) -> str:
    s = str(iri)
    for long, short in SHORT.items():
        if s.startswith(long):
            return short + s[len(long) :]
    return s


def _triples(g: Graph | Dataset):
    if isinstance(g, Dataset):
        seen = set()
        for s, p, o, _ in g.quads((None, None, None, None)):
            if (s, p, o) not in seen:
                seen.add((s, p, o))
                yield s, p, o
    else:
        yield from g


def class_counts(g: Graph | Dataset, qualified: bool = False) -> dict[str, int]:
    """Distinct nodes per class; by default the six entity kinds, else every class."""
    by_class: dict[object, set] = {}
    for s, p, o in _triples(g):
        if p == RDF.type:
            by_class.setdefault(o, set()).add(s)
    if qualified:
        return {
            shorten(c): len(n) for c, n in sorted(by_class.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
        }
    return {kind: len(by_class.get(classes[0], ())) for kind, classes in CLASSES.items()}


def property_counts(g: Graph | Dataset) -> dict[str, int]:
    """Distinct triples per property."""
    c: Counter = Counter(p for _, p, _ in _triples(g))
    return {shorten(p): n for p, n in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))}
