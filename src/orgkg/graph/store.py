"""The knowledge base on disk: an Oxigraph store that grows article by article.

Layout (see ontology/GRAPH.md):

* every article is its own named graph ``<base>article/<id>``: what that article said,
  with its content hash on the article node;
* the default graph is the RDF merge of every named graph: the one the queries read.
  Oxigraph 0.5 repeats a triple once per graph that holds it when it queries the union
  of the graphs, so the merge is kept materialised instead of computed per query;
* ``<base>graph/identity`` holds what the store decided across articles: merged
  IRIs (``owl:sameAs``) and the records that let a merge be undone.

Every change to an article is one SPARQL update, which Oxigraph applies in one
transaction: an interrupted build leaves each article fully in or not in at all.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

OKG = "https://w3id.org/orgkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SDO_ARTICLE = "https://schema.org/NewsArticle"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
MARKER = "orgkg-store"  # a file in the store directory that says what it is


class StoreError(Exception):
    """The path is not an orgkg store, or the store cannot be opened (e.g. in use)."""


def is_store(path: str | Path) -> bool:
    """A directory that holds an orgkg store (or an Oxigraph database)."""
    p = Path(path)
    return p.is_dir() and ((p / MARKER).exists() or any(p.glob("CURRENT")))


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: object) -> Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value) if dt == _XSD_STRING else Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"not an RDF term: {term!r}")


def _nt(term: object) -> str:
    # pyoxigraph prints terms in N-Triples syntax, which SPARQL accepts as is
    return str(term)


class KnowledgeBase:
    """An orgkg store on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self.store = ox.Store()
            elif read_only:
                if not is_store(self.path):
                    raise StoreError(f"{self.path} is not an orgkg store")
                self.store = ox.Store.read_only(str(self.path))
            else:
                if self.path.exists() and not self.path.is_dir():
                    raise StoreError(f"{self.path} is a file, not a store directory")
                if self.path.is_dir() and any(self.path.iterdir()) and not is_store(self.path):
                    raise StoreError(f"{self.path} is a non-empty directory that is not an orgkg store")
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
                (self.path / MARKER).write_text("an orgkg knowledge base (Oxigraph); see orgkg --help\n")
        except OSError as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in msg.lower():
                msg = f"{self.path} is in use by another orgkg process ({msg})"
            raise StoreError(msg) from exc

    # ------------------------------------------------------------------ articles

    def article_hash(self, graph: str, article: str) -> str | None:
        """The content hash recorded for an article, or None if it is not in the store."""
        for q in self.store.quads_for_pattern(
            ox.NamedNode(article), ox.NamedNode(OKG + "contentHash"), None, ox.NamedNode(graph)
        ):
            return q.object.value
        return None

    def articles(self) -> list[str]:
        """The article graphs in the store."""
        return sorted(
            g.value
            for g in self.store.named_graphs()
            if isinstance(g, ox.NamedNode) and "/article/" in g.value
        )

    def put_article(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add an article's graph, replacing any earlier version of it, in one transaction."""
        g = ox.NamedNode(graph)
        quads = list(dict.fromkeys((to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples))
        if not self._has_graph(g):
            # new article: one atomic extend (faster than parsing an update)
            self.store.extend(
                [ox.Quad(s, p, o, g) for s, p, o in quads] + [ox.Quad(s, p, o) for s, p, o in quads]
            )
            return
        body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in quads)
        self.store.update(
            self._drop_article(graph) + f" ;\nINSERT DATA {{ {body}\n GRAPH <{graph}> {{ {body} }} }}"
        )

    def remove_article(self, graph: str) -> bool:
        """Take an article out: its triples go, unless another graph still states them."""
        if not self._has_graph(ox.NamedNode(graph)):
            return False
        self.store.update(self._drop_article(graph))
        return True

    @staticmethod
    def _drop_article(graph: str) -> str:
        # A triple leaves the merged default graph only when no other named graph states it.
        return (
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{graph}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{graph}>"
        )

    def _has_graph(self, g: ox.NamedNode) -> bool:
        return self.store.contains_named_graph(g)

    # ------------------------------------------------------------------ identity

    def seed(self, resolver) -> None:
        """Teach a resolver the names and merges the store already holds."""
        rows = self.store.query(
            """
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            SELECT ?s ?kind ?name ?pref WHERE {
              { ?s a foaf:Person BIND("Person" AS ?kind) } UNION
              { ?s a org:Organization BIND("Organization" AS ?kind) } UNION
              { ?s a <https://schema.org/Country> BIND("Country" AS ?kind) } UNION
              { ?s a <https://schema.org/Place> BIND("Place" AS ?kind) }
              { ?s rdfs:label ?name BIND(1 AS ?pref) } UNION { ?s skos:altLabel ?name BIND(0 AS ?pref) }
            }"""
        )
        found = [(r["s"].value, r["kind"].value, r["name"].value, r["pref"].value == "1") for r in rows]
        # preferred labels first: an acronym is learnt as the short name of a known label
        for iri, kind, name, pref in sorted(found, key=lambda r: (not r[3], r[0], r[2])):
            resolver.learn(iri, kind, name, pref)
        owl_same = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
        for q in self.store.quads_for_pattern(None, owl_same, None, ox.DefaultGraph()):
            resolver.redirects[q.subject.value] = q.object.value

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        """Triples in the merged (default) graph."""
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def quads(self, named_only: bool = True) -> Iterator[ox.Quad]:
        for q in self.store.quads_for_pattern(None, None, None, None):
            if named_only and isinstance(q.graph_name, ox.DefaultGraph):
                continue
            yield q

    def dataset(self) -> Dataset:
        """The named graphs as an rdflib Dataset (for the rdflib-based tools: viz, validate)."""
        from orgkg.pipeline import new_dataset

        ds = new_dataset()
        ds.default_union = True
        data = ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS)
        if data:
            with warnings.catch_warnings():  # rdflib's own N-Quads parser uses a deprecated name
                warnings.simplefilter("ignore", DeprecationWarning)
                ds.parse(data=data.decode("utf-8"), format="nquads")
        return ds

    def query(self, text: str, params: dict | None = None):
        """Run SPARQL over the merged graph; see :func:`orgkg.query.run_query_oxigraph`."""
        from orgkg.query.sparql import run_query_oxigraph

        return run_query_oxigraph(self.store, text, params, union=False)

    def export(self, fmt: str) -> bytes:
        """The store in a format: triple formats from the merged graph, quad formats per graph."""
        from orgkg.graph.io import FORMATS
        from orgkg.pipeline import PREFIXES

        rdf_format, quads = FORMATS[fmt]
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        if rdf_format == "json-ld":
            from orgkg.graph.io import serialize

            return serialize(self.dataset(), fmt)
        if quads:
            target = ox.RdfFormat.TRIG if rdf_format == "trig" else ox.RdfFormat.N_QUADS
            return ox.serialize(self.quads(), format=target, prefixes=prefixes) or b""
        target = ox.RdfFormat.TURTLE if rdf_format == "turtle" else ox.RdfFormat.N_TRIPLES
        out = self.store.dump(format=target, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        return out or b""

    def problems(self) -> list[str]:
        """What is inconsistent in the store (empty when it is whole).

        The merged default graph must be exactly the union of the named graphs, and every
        article graph must hold its article node with a content hash (the last triples of
        an article are written in the same transaction as the first).
        """
        named = {(q.subject, q.predicate, q.object) for q in self.quads()}
        merged = {
            (q.subject, q.predicate, q.object)
            for q in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        }
        out = []
        if named - merged:
            out.append(f"{len(named - merged)} triples of article graphs missing from the merged graph")
        if merged - named:
            out.append(f"{len(merged - named)} triples in the merged graph that no article states")
        for g in self.articles():
            if self.article_hash(g, g) is None:
                out.append(f"article graph {g} has no content hash")
        return out

    def graphs(self) -> list[str]:
        """Every named graph: the articles and the identity graph."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def class_counts(self, qualified: bool = False) -> dict[str, int]:
        """As :func:`orgkg.graph.stats.class_counts`, counted by Oxigraph."""
        from orgkg.graph.rdf import CLASSES
        from orgkg.graph.stats import shorten

        rows = self.store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
        counts = {r["c"].value: int(r["n"].value) for r in rows}
        if qualified:
            return {shorten(c): n for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}
        return {kind: counts.get(str(classes[0]), 0) for kind, classes in CLASSES.items()}

    def property_counts(self) -> dict[str, int]:
        """As :func:`orgkg.graph.stats.property_counts`, counted by Oxigraph."""
        from orgkg.graph.stats import shorten

        rows = self.store.query("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")
        counts = {r["p"].value: int(r["n"].value) for r in rows}
        return {shorten(p): n for p, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}

    def flush(self) -> None:
        self.store.flush()

    def close(self) -> None:
        """Flush and let go of the database (Oxigraph closes it when the last handle goes)."""
        if getattr(self, "store", None) is not None:
            if self.path is not None and not self.read_only:
                self.store.flush()
            self.store = None  # type: ignore[assignment]

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
