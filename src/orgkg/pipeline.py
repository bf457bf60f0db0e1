"""The whole flow: inputs -> Articles -> Extractions -> IRIs -> one RDF Dataset."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef

from orgkg.extract.article import extract
from orgkg.graph.rdf import OA, OKG, ORG, SDO, TIME, article_iri, extraction_triples, merge_triples
from orgkg.graph.store import KnowledgeBase
from orgkg.ingest import read_inputs
from orgkg.model import Article, Extraction, Skipped
from orgkg.resolve.identity import DEFAULT_BASE, Resolver

PREFIXES = {
    "org": ORG,
    "schema": SDO,
    "okg": OKG,
    "oa": OA,
    "time": TIME,
}


@dataclass
class BuildResult:
    """A built dataset and what went into it.

    A build into a store (``store=``) leaves ``dataset`` empty: the articles are in the
    store; ``unchanged`` counts those already there with the same content.
    """

    dataset: Dataset
    articles: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    facts: Counter = field(default_factory=Counter)

    @property
    def fact_count(self) -> int:
        return sum(self.facts.values())


def new_dataset(base: str = DEFAULT_BASE) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    ds.bind("id", base)
    return ds


def content_hash(article: Article) -> str:
    h = hashlib.sha256()
    for part in (
        article.title or "",
        article.date.isoformat() if article.date else "",
        article.url or "",
        article.text,
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def article_graph(ex: Extraction, resolver: Resolver, min_confidence: float = 0.0) -> tuple[URIRef, list]:
    """The article's named graph IRI and every triple it holds."""
    iris = resolver.resolve(ex)
    triples = list(
        extraction_triples(ex, iris, resolver.base, min_confidence, content_hash(ex.article), resolver.labels)
    )
    triples += merge_triples(resolver.merges, resolver.base, ex.article.id)
    return URIRef(str(article_iri(resolver.base, ex.article.id))), triples


def add_article(ds: Dataset, ex: Extraction, resolver: Resolver, min_confidence: float = 0.0) -> None:
    """Put one article's facts into its own named graph."""
    name, triples = article_graph(ex, resolver, min_confidence)
    g = ds.graph(name)
    for t in triples:
        g.add(t)


def build(
    inputs: Iterable[str | Path],
    *,
    base: str = DEFAULT_BASE,
    min_confidence: float = 0.0,
    on_article: Callable[[Article | Skipped], None] | None = None,
    store: KnowledgeBase | None = None,
    force: bool = False,
) -> BuildResult:
    """Read every input, extract, resolve and return the dataset (one named graph per article).

    With ``store``, each article goes into the knowledge base instead, in one transaction
    each: an article already there with the same content is left alone (unless ``force``),
    a changed one replaces its graph, and identities carry on from what the store knows.
    """
    ds = new_dataset(base)
    result = BuildResult(ds)
    resolver = Resolver(base=base)
    if store is not None:
        store.seed(resolver)
    for item in read_inputs(list(inputs), verbose_skips=True):
        if on_article is not None:
            on_article(item)
        if isinstance(item, Skipped):
            result.skipped.append(item)
            continue
        old_hash = None
        if store is not None:
            name = str(article_iri(base, item.id))
            old_hash = store.article_hash(name, name)
            if old_hash == content_hash(item) and not force:
                result.unchanged += 1
                continue
        try:
            ex = extract(item)
        except Exception as exc:  # one broken article must not lose the batch
            result.skipped.append(Skipped(item.source, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        if store is None:
            add_article(ds, ex, resolver, min_confidence)
        else:
            name, triples = article_graph(ex, resolver, min_confidence)
            store.put_article(str(name), triples)
            result.replaced += old_hash is not None
        result.articles += 1
        for ent in ex.entities.values():
            result.entities[ent.type] += 1
        for f in ex.facts:
            if f.confidence >= min_confidence:
                result.facts[f.kind] += 1
    return result
