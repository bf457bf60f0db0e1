"""Extraction speed and memory on one core: articles per second, and peak memory as the batch grows.

    .venv/bin/python benchmarks/extract.py [--articles 2000] [--corpus ../shared/corpus/dev]

The dev corpus is repeated (each copy with its people renamed, so nothing is cached by
text) until there are --articles articles. Three figures per stage:
- extract only (Article -> Extraction);
- extract + resolve + RDF triples (what `orgkg build` does per article), streamed;
- the baseline in the same process: spaCy's blank tokenizer alone over the same texts.
Peak memory (tracemalloc) is printed after a quarter, half and all of the batch: it must not
grow with the number of articles.
"""

from __future__ import annotations

import argparse
import os
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from orgkg.extract.article import extract
from orgkg.extract.tokens import nlp
from orgkg.graph.rdf import extraction_triples
from orgkg.ingest import read_inputs
from orgkg.model import Article
from orgkg.resolve.identity import Resolver

GIVEN = ["Ivan", "Maria", "Amina", "Kofi", "Li", "Omar", "Elena", "Rashid", "Sofia", "Tomas"]


def articles(corpus: Path, n: int) -> Iterator[Article]:
    base = [a for a in read_inputs([corpus]) if isinstance(a, Article)]
    for i in range(n):
        a = base[i % len(base)]
        # vary the text so that nothing downstream can reuse an earlier answer
        text = a.text.replace("Mikhail", GIVEN[i % len(GIVEN)]).replace("Sergey", GIVEN[(i + 3) % len(GIVEN)])
        yield Article(id=f"{a.id}-{i}", text=text, title=a.title, date=a.date, source=a.source)


def timed(label: str, n: int, fn) -> float:
    t0 = time.perf_counter()
    fn()
    dt = time.perf_counter() - t0
    print(f"{label:44} {n / dt:8.1f} articles/s  ({dt:.1f} s)")
    return n / dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument(
        "--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "../shared/corpus/dev"
    )
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    n = args.articles
    print(f"{n} articles from {args.corpus.resolve()}, one core")
    # warm up: gazetteer and tokenizer load once
    for a in articles(args.corpus, 20):
        extract(a)

    tok = nlp().tokenizer
    base = timed(
        "baseline: spaCy blank tokenizer only", n, lambda: [tok(a.text) for a in articles(args.corpus, n)]
    )
    ex_rate = timed("extract", n, lambda: [extract(a) for a in articles(args.corpus, n)])

    def full() -> None:
        resolver = Resolver()
        for a in articles(args.corpus, n):
            ex = extract(a)
            for _ in extraction_triples(ex, resolver.resolve(ex), resolver.base):
                pass

    full_rate = timed("extract + resolve + triples (streamed)", n, full)
    print(
        f"ratio extract / tokenizer-only: {base / ex_rate:.1f}x slower; build / extract: "
        f"{ex_rate / full_rate:.2f}x"
    )

    tracemalloc.start()
    resolver = Resolver()
    marks = {n // 4, n // 2, n}
    for i, a in enumerate(articles(args.corpus, n), 1):
        ex = extract(a)
        for _ in extraction_triples(ex, resolver.resolve(ex), resolver.base):
            pass
        if i in marks:
            cur, peak = tracemalloc.get_traced_memory()
            print(f"after {i:6d} articles: current {cur / 2**20:6.1f} MiB, peak {peak / 2**20:6.1f} MiB")
    tracemalloc.stop()


if __name__ == "__main__":
    main()
