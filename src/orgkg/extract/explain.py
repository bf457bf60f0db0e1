"""Why a fact is in the graph: each fact with its evidence, the rule that made it, its confidence."""

from __future__ import annotations

from dataclasses import dataclass

from orgkg.model import Extraction, Fact


@dataclass(frozen=True)
class Explanation:
    """One fact in words, with where it came from."""

    kind: str
    subject: str
    object: str
    role: str | None
    rule: str
    confidence: float
    start: int
    end: int
    sentence: str
    current: bool = True


def _label(ex: Extraction, key: str) -> str:
    ent = ex.entities.get(key)
    return ent.name if ent is not None else key


def explain(ex: Extraction, min_confidence: float = 0.0) -> list[Explanation]:
    """The facts of an extraction as readable rows, in text order, most confident first within a sentence."""
    rows = []
    for f in sorted(ex.facts, key=lambda f: (f.evidence.start, -f.confidence, f.kind, f.subject, f.object)):
        if f.confidence < min_confidence:
            continue
        rows.append(_row(ex, f))
    return rows


def _row(ex: Extraction, f: Fact) -> Explanation:
    obj = f.object if f.kind.endswith("_date") else _label(ex, f.object)
    return Explanation(
        f.kind,
        _label(ex, f.subject),
        obj,
        f.role,
        f.rule,
        f.confidence,
        f.evidence.start,
        f.evidence.end,
        f.evidence.text,
        f.current,
    )
