"""The whole flow: inputs -> Articles -> Extractions -> IRIs -> one RDF Dataset."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef

from orgkg.extract.article import extract
from orgkg.graph.rdf import OA, OKG, ORG, SDO, TIME, article_iri, extraction_triples
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
    """A built dataset and what went into it."""

    dataset: Dataset
    articles: int = 0
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


def add_article(ds: Dataset, ex: Extraction, resolver: Resolver, min_confidence: float = 0.0) -> None:
    """Put one article's facts into its own named graph."""
    iris = resolver.resolve(ex)
    g = ds.graph(URIRef(str(article_iri(resolver.base, ex.article.id))))
    for t in extraction_triples(
        ex, iris, resolver.base, min_confidence, content_hash(ex.article), resolver.labels
    ):
        g.add(t)


def build(
    inputs: Iterable[str | Path],
    *,
    base: str = DEFAULT_BASE,
    min_confidence: float = 0.0,
    on_article: Callable[[Article | Skipped], None] | None = None,
) -> BuildResult:
    """Read every input, extract, resolve and return the dataset (one named graph per article)."""
    ds = new_dataset(base)
    result = BuildResult(ds)
    resolver = Resolver(base=base)
    for item in read_inputs(list(inputs), verbose_skips=True):
        if on_article is not None:
            on_article(item)
        if isinstance(item, Skipped):
            result.skipped.append(item)
            continue
        try:
            ex = extract(item)
        except Exception as exc:  # one broken article must not lose the batch
            result.skipped.append(Skipped(item.source, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        add_article(ds, ex, resolver, min_confidence)
        result.articles += 1
        for ent in ex.entities.values():
            result.entities[ent.type] += 1
        for f in ex.facts:
            if f.confidence >= min_confidence:
                result.facts[f.kind] += 1
    return result
