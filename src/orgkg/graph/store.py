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

import hashlib
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.term import Node

from orgkg.graph.terms import from_ox, to_ox  # noqa: F401  (re-exported)
from orgkg.resolve.identity import DEFAULT_BASE

OKG = "https://w3id.org/orgkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SDO_ARTICLE = "https://schema.org/NewsArticle"
OWL = "http://www.w3.org/2002/07/owl#"
IDENTITY_GRAPH = "graph/identity"  # under the base: decisions the store made across articles
MARKER = "orgkg-store"  # a file in the store directory that says what it is


class StoreError(Exception):
    """The path is not an orgkg store, or the store cannot be opened (e.g. in use)."""


def is_store(path: str | Path) -> bool:
    """A directory that holds an orgkg store (or an Oxigraph database)."""
    p = Path(path)
    return p.is_dir() and ((p / MARKER).exists() or any(p.glob("CURRENT")))


def _nt(term: object) -> str:
    # pyoxigraph prints terms in N-Triples syntax, which SPARQL accepts as is
    return str(term)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _quad_data(quads: set, triples: set) -> str:
    """SPARQL QuadData: default-graph triples, then one GRAPH block per named graph."""
    lines = [f"{_nt(t.subject)} {_nt(t.predicate)} {_nt(t.object)} ." for t in triples]
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(_nt(q.graph_name), []).append(
            f"{_nt(q.subject)} {_nt(q.predicate)} {_nt(q.object)} ."
        )
    for g, body in by_graph.items():
        lines.append(f"GRAPH {g} {{ " + "\n".join(body) + " }")
    return "\n".join(lines)


# Quads written between flushes of the on-disk store's write buffers. Unflushed, RocksDB
# kept ~0.5 MB per article in memory (1.5 GB at peak for a 3,500-article build); flushed every
# ~100 articles the build stays at ~200 MB, at the same speed (measured, benchmarks/kb.py).
FLUSH_EVERY_QUADS = 50_000


class KnowledgeBase:
    """An orgkg store on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._unflushed = 0
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
        else:
            body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in quads)
            self.store.update(
                self._drop_article(graph) + f" ;\nINSERT DATA {{ {body}\n GRAPH <{graph}> {{ {body} }} }}"
            )
        self._written(2 * len(quads))

    def _written(self, quads: int) -> None:
        """Flush the write buffers to disk now and then, so that a long build stays small."""
        self._unflushed += quads
        if self.path is not None and self._unflushed >= FLUSH_EVERY_QUADS:
            self.store.flush()
            self._unflushed = 0

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

    def apply(self, delete: Iterable[ox.Quad], insert: Iterable[ox.Quad]) -> None:
        """Delete and insert named-graph quads, keeping the merged graph in step, in one transaction."""
        delete, insert = set(delete), set(insert)
        default = ox.DefaultGraph()
        merged_out, merged_in = set(), set()
        inserted = {q.triple for q in insert}
        for t in {q.triple for q in delete} | inserted:
            stays = t in inserted or any(
                q not in delete
                for q in self.store.quads_for_pattern(t.subject, t.predicate, t.object, None)
                if not isinstance(q.graph_name, ox.DefaultGraph)
            )
            there = ox.Quad(t.subject, t.predicate, t.object, default) in self.store
            if stays and not there:
                merged_in.add(t)
            elif there and not stays:
                merged_out.add(t)
        parts = []
        if delete or merged_out:
            parts.append(f"DELETE DATA {{ {_quad_data(delete, merged_out)} }}")
        if insert or merged_in:
            parts.append(f"INSERT DATA {{ {_quad_data(insert, merged_in)} }}")
        if parts:
            self.store.update(" ;\n".join(parts))

    def unmerge(self, retired: str, base: str = DEFAULT_BASE) -> int:
        """Undo the merges of ``retired`` into another IRI: in each article that made one, the
        name gets its own node again (labelled as the article wrote it), and the store keeps
        ``owl:differentFrom`` so later builds do not merge them again. Returns how many."""
        okg = lambda local: ox.NamedNode(OKG + local)  # noqa: E731
        same_as = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
        rdfs_label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        foaf_name = ox.NamedNode("http://xmlns.com/foaf/0.1/name")
        alt = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
        r = ox.NamedNode(retired)
        delete: set[ox.Quad] = set()
        insert: set[ox.Quad] = set()
        done = 0
        for rec in list(self.store.quads_for_pattern(None, okg("retired"), r, None)):
            g, node = rec.graph_name, rec.subject
            if isinstance(g, ox.DefaultGraph):
                continue
            survivor = next(iter(self.store.quads_for_pattern(node, okg("survivor"), None, g))).object
            name = next(iter(self.store.quads_for_pattern(node, okg("nameUsed"), None, g))).object
            delete |= set(self.store.quads_for_pattern(node, None, None, g))
            delete |= set(self.store.quads_for_pattern(r, same_as, survivor, g))
            for q in self.store.quads_for_pattern(survivor, None, None, g):
                delete.add(q)
                if q.predicate in (rdfs_label, foaf_name):
                    insert.add(ox.Quad(r, q.predicate, name, g))
                elif not (q.predicate == alt and q.object == name):
                    insert.add(ox.Quad(r, q.predicate, q.object, g))
            for q in self.store.quads_for_pattern(None, None, survivor, g):
                delete.add(q)
                if q.subject != node and q.predicate != same_as:  # the record itself goes
                    insert.add(ox.Quad(q.subject, q.predicate, r, g))
            ident = ox.NamedNode(base + IDENTITY_GRAPH)
            delete |= set(self.store.quads_for_pattern(r, same_as, survivor, ident))
            insert.add(ox.Quad(r, ox.NamedNode(OWL + "differentFrom"), survivor, ident))
            done += 1
        self.apply(delete - insert, insert - delete)
        return done

    def merge(self, retired: str, survivor: str, base: str = DEFAULT_BASE, evidence: str = "") -> int:
        """Merge ``retired`` into ``survivor`` by hand: in every article graph that names it,
        its facts move to the survivor, its names become alternative labels, and a record
        (okg:IdentityMerge) lets :meth:`unmerge` take it back. Returns the articles changed."""
        r, s = ox.NamedNode(retired), ox.NamedNode(survivor)
        rdfs_label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        foaf_name = ox.NamedNode("http://xmlns.com/foaf/0.1/name")
        alt = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
        same_as = ox.NamedNode(OWL + "sameAs")
        label = next(
            (q.object for q in self.store.quads_for_pattern(s, rdfs_label, None, ox.DefaultGraph())), None
        )
        if label is None:
            raise ValueError(f"no entity {survivor} in the store")
        is_person = any(True for _ in self.store.quads_for_pattern(s, foaf_name, None, ox.DefaultGraph()))
        delete: set[ox.Quad] = set()
        insert: set[ox.Quad] = set()
        graphs = {
            q.graph_name
            for q in self.store.quads_for_pattern(r, None, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and "/article/" in q.graph_name.value
        }
        for g in sorted(graphs, key=str):
            names = [q.object for q in self.store.quads_for_pattern(r, rdfs_label, None, g)]
            name = names[0] if names else ox.Literal(retired.rsplit("/", 1)[-1])
            for q in self.store.quads_for_pattern(r, None, None, g):
                delete.add(q)
                if q.predicate in (rdfs_label, foaf_name):
                    if q.object != label:
                        insert.add(ox.Quad(s, alt, q.object, g))
                else:
                    insert.add(ox.Quad(s, q.predicate, q.object, g))
            for q in self.store.quads_for_pattern(None, None, r, g):
                delete.add(q)
                insert.add(ox.Quad(q.subject, q.predicate, s, g))
            insert.add(ox.Quad(s, rdfs_label, label, g))
            if is_person:
                insert.add(ox.Quad(s, foaf_name, label, g))
            node = ox.NamedNode(f"{base}merge/{g.value.rsplit('/', 1)[-1]}/{_digest(retired, survivor)}")
            insert |= {
                ox.Quad(r, same_as, s, g),
                ox.Quad(node, ox.NamedNode(RDF_TYPE), ox.NamedNode(OKG + "IdentityMerge"), g),
                ox.Quad(node, ox.NamedNode(OKG + "retired"), r, g),
                ox.Quad(node, ox.NamedNode(OKG + "survivor"), s, g),
                ox.Quad(node, ox.NamedNode(OKG + "nameUsed"), name, g),
                ox.Quad(
                    node, ox.NamedNode(OKG + "identityEvidence"), ox.Literal(evidence or "merged by hand"), g
                ),
                ox.Quad(node, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), g, g),
            }
        ident = ox.NamedNode(base + IDENTITY_GRAPH)
        insert.add(ox.Quad(r, same_as, s, ident))
        delete |= set(self.store.quads_for_pattern(r, ox.NamedNode(OWL + "differentFrom"), s, ident))
        self.apply(delete - insert, insert - delete)
        return len(graphs)

    def merges(self) -> list[dict[str, str]]:
        """Every identity merge recorded in the store: retired, survivor, name used, evidence, article."""
        rows = self.store.query(
            f"""SELECT ?retired ?survivor ?name ?evidence ?g WHERE {{ GRAPH ?g {{
                ?m a <{OKG}IdentityMerge> ; <{OKG}retired> ?retired ; <{OKG}survivor> ?survivor ;
                   <{OKG}nameUsed> ?name ; <{OKG}identityEvidence> ?evidence }} }}
                ORDER BY ?retired ?g"""
        )
        return [
            {k: r[k].value for k in ("retired", "survivor", "name", "evidence")} | {"article": r["g"].value}
            for r in rows
        ]

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
        # the posts people hold: a surname with a post is evidence of who it is
        posts = self.store.query(
            """
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT ?person ?role ?body WHERE {
              ?m org:member ?person . ?m org:organization ?body . ?m org:role ?role .
            }"""
        )
        for r in posts:
            resolver.learn_post(r["person"].value, r["role"].value.rsplit("/", 1)[-1], r["body"].value)
        owl_same = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
        for q in self.store.quads_for_pattern(None, owl_same, None, ox.DefaultGraph()):
            resolver.redirects[q.subject.value] = q.object.value
        different = ox.NamedNode(OWL + "differentFrom")
        for q in self.store.quads_for_pattern(None, different, None, ox.DefaultGraph()):
            resolver.apart.add((q.subject.value, q.object.value))
            resolver.redirects.pop(q.subject.value, None)

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
