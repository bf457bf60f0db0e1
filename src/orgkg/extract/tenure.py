"""When a post was held, where the sentence that states it says so.

"served as mayor from 1977 to 1980", "Minister of Justice between 2009 and 2013",
"member of the Council since September 2008", "appointed Chairman on 24 August 2014",
"Chairman (2012-2016)", "until 1980". The dates become ``Fact.start`` / ``Fact.end`` of
the role facts of that sentence, and ``org:memberDuring`` in the graph.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from orgkg.extract.dates import find_dates
from orgkg.model import Extraction, Fact

# A cue right before a date says which end of the tenure it is.
_START = re.compile(
    r"\b(?:since|appointed|re-?appointed|elected|re-?elected|took office|assumed (?:the )?(?:post|office)|"
    r"sworn in|became|named|took over|starting)\b[^.;]{0,40}$",
    re.I,
)
_SINCE = re.compile(r"\bsince\s*$", re.I)
_END = re.compile(
    r"\b(?:until|till|up to|through|left (?:the )?(?:post|office)|resigned|stepped down)\b[^.;]{0,25}$", re.I
)
_YEARS = re.compile(r"\b((?:1[89]|20)\d\d)\s*[\u2013\u2014-]\s*((?:1[89]|20)\d\d)\b")
NEAR = 90  # characters between the person or post and the dates of its tenure
_UNTIL_YEAR = re.compile(r"\b(?:until|till)\s+((?:1[89]|20)\d\d)\b", re.I)


def date_tenures(ex: Extraction) -> Extraction:
    """The extraction with start/end dates on role facts whose sentence gives them."""
    roles = [f for f in ex.facts if f.kind == "role"]
    if not roles:
        return ex
    by_sentence: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for f in roles:
        by_sentence[(f.evidence.start, f.evidence.end)].append(f)
    dated: dict[int, Fact] = {}
    for facts in by_sentence.values():
        sentence = facts[0].evidence.text
        mentions = [
            [
                m.start - f.evidence.start
                for m in ex.entities[f.subject].mentions
                if f.evidence.start <= m.start < f.evidence.end
            ]
            for f in facts
        ]
        for i, (start, end) in _tenures(sentence, facts, mentions, ex.article.date).items():
            f = facts[i]
            dated[id(f)] = dataclasses.replace(f, start=start or f.start, end=end or f.end)
    if not dated:
        return ex
    return dataclasses.replace(ex, facts=[dated.get(id(f), f) for f in ex.facts])


def _tenures(
    sentence: str, facts: list[Fact], mentions: list[list[int]], anchor
) -> dict[int, tuple[str | None, str | None]]:
    """Index of a fact in ``facts`` -> the (start, end) the sentence gives its post."""
    spans: list[tuple[int, str | None, str | None]] = []  # (position, start, end)
    for a, _b, dv in find_dates(sentence, anchor):
        before = sentence[max(0, a - 60) : a]
        if dv.end_iso:  # "from 1977 to 1980", "between 2009 and 2013"
            spans.append((a, dv.iso, dv.end_iso))
        elif _END.search(before):
            spans.append((a, None, dv.iso))
        elif _SINCE.search(before) or _START.search(before):
            spans.append((a, dv.iso, None))
    for m in _YEARS.finditer(sentence):
        if not any(a <= m.start() < a + 15 for a, _, _ in spans):
            spans.append((m.start(), m.group(1), m.group(2)))
    for m in _UNTIL_YEAR.finditer(sentence):
        if not any(a <= m.start(1) < a + 15 for a, _, _ in spans):
            spans.append((m.start(1), None, m.group(1)))
    if not spans:
        return {}
    # Each tenure goes to the person (else the post) named nearest before it.
    out: dict[int, tuple[str | None, str | None]] = {}
    for pos, start, end in sorted(spans, key=lambda s: s[0]):
        named = []
        for i, f in enumerate(facts):
            before = [m for m in mentions[i] if m <= pos] or [
                p for p in (_position(sentence, f),) if p is not None and p <= pos
            ]
            if before:
                named.append((max(before), i))
        # the person or the post must be named shortly before: a date range further away
        # is more likely about something else ("held in prison from 2010 until 2013")
        named = [(p, i) for p, i in named if pos - p <= NEAR]
        if not named:
            continue
        target = facts[max(named)[1]]
        for i, f in enumerate(facts):  # every fact of that post and person in the sentence
            if (f.subject, f.role) == (target.subject, target.role):
                old = out.get(i, (None, None))
                out[i] = (old[0] or start, old[1] or end)
    return out


def _position(sentence: str, f: Fact) -> int | None:
    if not f.role:
        return None
    low = sentence.lower()
    i = low.find(f.role.lower())
    if i < 0:
        i = low.find(f.role.split(" of ")[0].lower())
    return i if i >= 0 else None
