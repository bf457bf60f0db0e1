"""Plain typed data passed between the pipeline stages.

Article -> Extraction (entities + facts) -> Resolution (IRIs) -> Graph.
Every stage takes and returns these dataclasses, so each can be tested alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Event", "Agreement")
FACT_KINDS = (
    "role",
    "attended",
    "organizer",
    "event_date",
    "event_location",
    "party",
    "signatory",
    "agreement_date",
    "signed_at",
    "sub_org",
)


@dataclass(frozen=True)
class Article:
    """One news article or press release, as read from any input format.

    ``text`` is what the extractor reads: the headline, a blank line, then the body.
    Evidence offsets are character offsets into ``text``.
    """

    id: str  # a readable slug, unique within a batch (file stem, jsonl id, ...)
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str = ""  # where it was read from: a path, "stdin", "file.jsonl:12"
    lang: str = "en"

    @property
    def body_start(self) -> int:
        """Offset of the body within ``text`` (0 when there is no headline)."""
        if self.title and self.text.startswith(self.title):
            return len(self.title) + 2
        return 0


@dataclass(frozen=True)
class Span:
    """A stretch of article text: character offsets into ``Article.text``."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """Something the article names: a person, body, country, place, event or agreement."""

    key: str  # unique within one extraction
    type: str  # one of ENTITY_TYPES
    name: str  # the fullest form in the text
    aliases: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 1.0
    # Organisations: is it an organ (board, council, secretariat...) of another body?
    is_unit: bool = False


@dataclass
class Fact:
    """One relation stated in the article, with the evidence it came from.

    ``subject``/``object`` are entity keys, except for dates (``object`` is an ISO
    8601 string: ``2022-02-11``, ``2022-05`` or ``2022``).
    """

    kind: str  # one of FACT_KINDS
    subject: str
    object: str
    evidence: Span  # the sentence
    rule: str  # the name of the rule that made it
    confidence: float = 1.0
    role: str | None = None  # for "role": the post title, e.g. "Chairman of the Board"
    current: bool = True  # for "role": False for former posts
    start: str | None = None  # for "role": when the post began, where the text says (ISO 8601)
    end: str | None = None  # for "role": when it ended


@dataclass
class Extraction:
    """What one article says: its entities and the facts among them."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, and why."""

    source: str
    reason: str
