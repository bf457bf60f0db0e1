"""Reading labels, dates and sources out of an orgkg graph (see ontology/GRAPH.md)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
OKG = Namespace("https://w3id.org/orgkg/ontology#")


@dataclass(frozen=True)
class Kind:
    """One class of drawn node: how to recognise it and how to draw it."""

    key: str
    label: str
    shape: str  # a vis-network shape
    color: str


# Checked in this order: the first matching class wins, so an organ (which is also
# an org:Organization) is an organ and a city (also a schema:Place) is a place.
KINDS: tuple[tuple[Kind, tuple[URIRef, ...]], ...] = (
    (Kind("person", "Person", "dot", "#4e79a7"), (FOAF.Person,)),
    (Kind("agreement", "Agreement", "star", "#b07aa1"), (OKG.Agreement,)),
    (Kind("event", "Event", "diamond", "#e15759"), (SCHEMA.Event,)),
    (Kind("country", "Country", "triangle", "#59a14f"), (SCHEMA.Country,)),
    (Kind("organ", "Organ (unit of a body)", "hexagon", "#edc948"), (ORG.OrganizationalUnit,)),
    (Kind("body", "Body", "square", "#f28e2b"), (ORG.Organization,)),
    (Kind("place", "Place", "triangleDown", "#76b7b2"), (SCHEMA.Place, SCHEMA.City)),
)
KIND_BY_KEY: dict[str, Kind] = {kind.key: kind for kind, _ in KINDS}


@dataclass
class Union:
    """A graph's triples as one set, and which named graphs said what."""

    graph: Graph
    # Named graphs in which a node was typed or labelled (its article graphs).
    node_graphs: dict[Node, set[Node]] = field(default_factory=dict)
    # Named graphs holding each triple whose predicate was asked for.
    triple_graphs: dict[tuple[Node, Node, Node], set[Node]] = field(default_factory=dict)


def union_graph(graph: Graph, track: Iterable[URIRef] = ()) -> Union:
    """Return ``graph`` as one triple set plus where its nodes and ``track``-ed triples came from.

    A plain Graph is used as is (it has no graph names). For a Dataset or
    ConjunctiveGraph the union of every graph is copied into a new Graph, because
    a Dataset's ``triples()`` only sees its default graph.
    """
    if not isinstance(graph, ConjunctiveGraph):
        return Union(graph)
    tracked = set(track)
    out = Union(Graph())
    with warnings.catch_warnings():
        # rdflib 7 warns about its own use of the deprecated default_context here.
        warnings.simplefilter("ignore", DeprecationWarning)
        quads = list(graph.quads((None, None, None, None)))
    for s, p, o, ctx in quads:
        out.graph.add((s, p, o))
        name = ctx.identifier if isinstance(ctx, Graph) else ctx
        if name is None or str(name).startswith("urn:x-rdflib:"):
            continue
        if p == RDF.type or p == RDFS.label:
            out.node_graphs.setdefault(s, set()).add(name)
        elif p in tracked:
            out.triple_graphs.setdefault((s, p, o), set()).add(name)
    return out


def node_id(term: Node) -> str:
    """A stable string id for an IRI or blank node."""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _literal_rank(lit: Literal) -> tuple[int, str]:
    # English or untagged first, then by text, so the choice never depends on store order.
    lang = (lit.language or "").lower()
    return (0 if lang in ("", "en") or lang.startswith("en-") else 1, str(lit))


def literals(graph: Graph, subject: Node, predicates: Iterable[URIRef]) -> list[str]:
    """Distinct literal values of ``predicates`` on ``subject``, best first."""
    found: list[Literal] = []
    for predicate in predicates:
        found.extend(o for o in graph.objects(subject, predicate) if isinstance(o, Literal))
    seen: set[str] = set()
    out: list[str] = []
    for lit in sorted(found, key=_literal_rank):
        text = " ".join(str(lit).split())
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def local_name(term: Node) -> str:
    """The last path segment of an IRI, as a label of last resort."""
    text = str(term).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def label_of(graph: Graph, subject: Node) -> str:
    """The node's rdfs:label (falling back to names, then to the IRI's last segment)."""
    for predicate in (RDFS.label, FOAF.name, SCHEMA.name, SKOS.prefLabel):
        values = literals(graph, subject, (predicate,))
        if values:
            return values[0]
    return local_name(subject)


def alt_labels(graph: Graph, subject: Node, label: str) -> list[str]:
    """Other names of the node (skos:altLabel, extra labels and names), sorted."""
    values = literals(graph, subject, (RDFS.label, SKOS.altLabel, FOAF.name, SCHEMA.name))
    return sorted(v for v in set(values) if v != label)


def kind_of(types: set[Node]) -> Kind | None:
    """The drawn class of a node with these rdf:types, or None if it is not drawn."""
    for kind, classes in KINDS:
        if any(c in types for c in classes):
            return kind
    return None


def typed_nodes(graph: Graph) -> Iterator[tuple[Node, Kind]]:
    """Every IRI or blank node with a drawn class, with that class."""
    candidates: dict[Node, set[Node]] = {}
    for _, classes in KINDS:
        for cls in classes:
            for s in graph.subjects(RDF.type, cls):
                if isinstance(s, URIRef | BNode):
                    candidates.setdefault(s, set()).add(cls)
    for s, types in candidates.items():
        kind = kind_of(types)
        if kind is not None:
            yield s, kind


def date_text(graph: Graph, value: Node) -> str | None:
    """A date literal as text, or the date of a time:Instant."""
    if isinstance(value, Literal):
        return str(value)
    for predicate in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear, TIME.inXSDDateTimeStamp):
        for o in graph.objects(value, predicate):
            if isinstance(o, Literal):
                return str(o)
    return None


def interval_text(graph: Graph, interval: Node) -> str | None:
    """``2019-2023``, ``since 2019`` or ``until 2023`` for an org:memberDuring interval."""
    start = next((date_text(graph, o) for o in graph.objects(interval, TIME.hasBeginning)), None)
    end = next((date_text(graph, o) for o in graph.objects(interval, TIME.hasEnd)), None)
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return None


def headline_of(graph: Graph, article: Node) -> str:
    """The article's headline, or its IRI when it has none."""
    values = literals(graph, article, (SCHEMA.headline, SCHEMA.name, RDFS.label))
    return values[0] if values else node_id(article)


def article_sort_key(graph: Graph, article: Node) -> tuple[str, str]:
    """Order sources by publication date, then headline."""
    published = next((str(o) for o in graph.objects(article, SCHEMA.datePublished)), "")
    return (published, headline_of(graph, article))


def is_article(graph: Graph, term: Node) -> bool:
    """Whether ``term`` is a schema:NewsArticle (or at least has a headline)."""
    return (term, RDF.type, SCHEMA.NewsArticle) in graph or (term, SCHEMA.headline, None) in graph
