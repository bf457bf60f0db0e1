"""orgkg: news articles about official bodies -> an RDF knowledge graph.

The Python API mirrors the command line::

    import orgkg
    ds = orgkg.build(["../shared/corpus/dev"])          # rdflib.Dataset, one named graph per article
    rows = orgkg.query(ds, "officials-of-body", org="Eurasian Economic Commission")
    orgkg.export(ds, "dev.ttl")                          # format from the extension
    orgkg.viz(ds, "graph.html")
    report = orgkg.validate(ds)                          # report.conforms, report.text

    # a SPARQL server (here Virtuoso): push one named graph per article, query it there
    with orgkg.Endpoint("http://127.0.0.1:8890/sparql", user="dba", password="dba") as ep:
        ep.push(ds)                                      # or a KnowledgeBase; PUT: idempotent
        rows = orgkg.query(ep, "officials-of-body", org="CIS")
"""

from __future__ import annotations

import sys as _sys
import types as _types
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from rdflib import Dataset, Graph

    from orgkg.graph.remote import Endpoint
    from orgkg.graph.store import KnowledgeBase
    from orgkg.query.sparql import QueryResult
    from orgkg.validate import ValidationReport


def build(
    inputs: list[str | Path] | str | Path,
    *,
    base: str = "https://w3id.org/orgkg/id/",
    min_confidence: float = 0.0,
    store: str | Path | KnowledgeBase | None = None,
    force: bool = False,
) -> Dataset | KnowledgeBase:
    """Build a dataset from articles (files, directories, .jsonl); one named graph per article.

    With ``store`` (a directory or an open :class:`KnowledgeBase`) the articles are added
    to that knowledge base instead (unchanged ones skipped unless ``force``), which is returned.
    """
    from orgkg.graph.store import KnowledgeBase
    from orgkg.pipeline import build as _build

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if store is None:
        return _build(inputs, base=base, min_confidence=min_confidence).dataset
    kb = store if isinstance(store, KnowledgeBase) else KnowledgeBase(store)
    _build(inputs, base=base, min_confidence=min_confidence, store=kb, force=force)
    kb.flush()
    return kb


def open_store(path: str | Path, *, read_only: bool = False) -> KnowledgeBase:
    """Open (or make) a knowledge base directory; use it as a context manager to close it."""
    from orgkg.graph.store import KnowledgeBase

    return KnowledgeBase(path, read_only=read_only)


def extract(text: str, *, title: str | None = None, date: str | None = None, id: str = "article"):
    """Extract entities and facts from one article's text (returns an ``Extraction``)."""
    import datetime as dt

    from orgkg.extract.article import extract as _extract
    from orgkg.model import Article

    body = f"{title}\n\n{text}" if title else text
    d = dt.date.fromisoformat(date) if date else None
    return _extract(Article(id=id, text=body, title=title, date=d, source=id))


def load(path: str | Path) -> Dataset | KnowledgeBase:
    """Read a graph file written by ``build``/``export``, or open a store directory (read-only)."""
    from orgkg.graph.io import load_graph
    from orgkg.graph.store import KnowledgeBase, is_store

    if is_store(path):
        return KnowledgeBase(path, read_only=True)
    return load_graph(path)


def _dataset(graph: Any) -> Any:
    from orgkg.graph.store import KnowledgeBase

    return graph.dataset() if isinstance(graph, KnowledgeBase) else graph


def query(graph: Graph | Dataset | Endpoint | str | Path, q: str, **params: Any) -> QueryResult:
    """Run SPARQL text, a .rq file or a named query; keyword arguments are bound as RDF terms.

    ``graph`` is a Dataset or Graph, a graph file, a ``KnowledgeBase`` or an :class:`Endpoint`.
    """
    from orgkg.graph.remote import Endpoint
    from orgkg.graph.store import KnowledgeBase
    from orgkg.query import resolve_query, run_query

    if isinstance(graph, (str, Path)):
        graph = load(graph)
    bound = {k: str(v) for k, v in params.items()}
    if isinstance(graph, (KnowledgeBase, Endpoint)):
        return graph.query(resolve_query(q), bound)
    return run_query(graph, resolve_query(q), bound)


def export(graph: Dataset | KnowledgeBase, path: str | Path, fmt: str | None = None) -> Path:
    """Write the dataset or store (format from the extension unless given), atomically."""
    from orgkg.graph.io import format_for, write_atomic, write_graph
    from orgkg.graph.store import KnowledgeBase

    if isinstance(graph, KnowledgeBase):
        write_atomic(path, graph.export(format_for(path, fmt)))
    else:
        write_graph(graph, path, fmt)
    return Path(path)


def viz(graph: Graph | Dataset, path: str | Path, **kwargs: Any) -> Path:
    """Write an offline interactive HTML network of the graph."""
    from orgkg.viz.network import render_html

    return render_html(_dataset(graph), path, **kwargs)


def validate(graph: Graph | Dataset) -> ValidationReport:
    """SHACL-validate a graph against ontology/shapes.ttl."""
    from orgkg.validate import validate as _validate

    return _validate(_dataset(graph))


def stats(graph: Graph | Dataset) -> dict[str, dict[str, int]]:
    """Counts by class and by property."""
    from orgkg.graph.stats import class_counts, property_counts
    from orgkg.graph.store import KnowledgeBase

    if isinstance(graph, KnowledgeBase):
        return {"classes": graph.class_counts(qualified=True), "properties": graph.property_counts()}
    return {"classes": class_counts(graph, qualified=True), "properties": property_counts(graph)}


def __getattr__(name: str) -> Any:
    # ``orgkg.Endpoint``: imported on first use (it brings in httpx)
    if name == "Endpoint":
        from orgkg.graph.remote import Endpoint

        return Endpoint
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "build",
    "open_store",
    "extract",
    "load",
    "query",
    "export",
    "viz",
    "validate",
    "stats",
    "Endpoint",
    "__version__",
]


# ``orgkg.query``, ``orgkg.extract``, ``orgkg.viz`` and ``orgkg.validate`` are both API
# functions and subpackages. Importing a subpackage sets it as an attribute of this
# package, which would hide the function of the same name (``orgkg.query(...)`` would
# work once, then raise "'module' object is not callable"). So such a submodule, once
# imported, is made callable: calling it runs the API function, and attribute access
# (``orgkg.query.run_query``, monkeypatch and mock paths) still reaches the module.
_FUNCTIONS = {f.__name__: f for f in (build, extract, load, query, export, viz, validate, stats)}


class _CallableModule(_types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _FUNCTIONS[self.__name__.rpartition(".")[2]](*args, **kwargs)


class _Package(_types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if (
            name in _FUNCTIONS
            and isinstance(value, _types.ModuleType)
            and value.__name__ == f"{self.__name__}.{name}"
            and type(value) is _types.ModuleType
        ):
            value.__class__ = _CallableModule
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
