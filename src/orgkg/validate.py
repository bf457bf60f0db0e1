"""SHACL validation of a graph against ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import RDF

from orgkg.graph.stats import shorten
from orgkg.resources import ontology_file

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class ValidationReport:
    """Whether the graph conforms, and each violation in words."""

    conforms: bool
    text: str
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (focus node, path, message)
    warnings: list[tuple[str, str, str]] = field(default_factory=list)


def _union(graph: Graph | Dataset) -> Graph:
    """The union of every named graph: an article's facts may point at nodes another article types."""
    if isinstance(graph, Dataset) or hasattr(graph, "quads"):
        g = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return graph


def validate(graph: Graph | Dataset) -> ValidationReport:
    """Validate a graph (or the union of a dataset's graphs) against the shipped shapes."""
    from pyshacl import validate as shacl_validate

    data = _union(graph)
    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    ontology = Graph().parse(ontology_file("orgkg.ttl"), format="turtle")
    _conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    violations, warnings = [], []
    for res in report.subjects(RDF.type, SH.ValidationResult):
        focus = shorten(report.value(res, SH.focusNode))
        path = shorten(report.value(res, SH.resultPath)) if report.value(res, SH.resultPath) else ""
        message = str(report.value(res, SH.resultMessage) or "")
        row = (focus, path, message)
        (warnings if report.value(res, SH.resultSeverity) == SH.Warning else violations).append(row)
    violations.sort()
    warnings.sort()
    if violations:
        lines = [f"does not conform: {len(violations)} violation(s)"]
        lines += [f"  {f}  {p}: {m}" if p else f"  {f}: {m}" for f, p, m in violations]
    else:
        lines = ["conforms"]
    if warnings:
        lines.append(f"{len(warnings)} warning(s)")
        lines += [f"  {f}  {p}: {m}" if p else f"  {f}: {m}" for f, p, m in warnings[:50]]
    return ValidationReport(not violations, "\n".join(lines), violations, warnings)
