"""Cross-article identity: one IRI per real-world person, body, country and place.

The resolver sees articles one at a time (a build streams) and keeps what it has
learnt: which acronym stands for which body, which surname belongs to which person.
IRIs are readable slugs under the base, so the same input gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from orgkg.model import Entity, Extraction
from orgkg.resolve.acronyms import abbreviates, is_acronym

DEFAULT_BASE = "https://w3id.org/orgkg/id/"

KIND_PATH = {
    "Person": "person",
    "Organization": "org",
    "Country": "country",
    "Place": "place",
    "Event": "event",
    "Agreement": "agreement",
}

# Spelling variants of transliterated given names: folded to one form for identity only.
_TRANSLIT = [
    (re.compile(r"ey\b"), "ei"),
    (re.compile(r"iy\b"), "i"),
    (re.compile(r"yy\b"), "i"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"\by"), "i"),
]
# Honorifics and compound titles ("Tan Sri", "Dato' Sri", "Datuk Seri", "Tun Dr"); "Sri" and
# "Tan" alone are names ("Sri Mulyani Indrawati").
_HONORIFIC = re.compile(
    r"^(?:(?:dr|mr|mrs|ms|prof|sir|h\.e\.|sheikh|tan\s+s(?:e)?ri|tun(?=\s+dr)"
    r"|(?:dato[\'\u2019]?|datuk|datin)(?:\s+s(?:e)?ri)?)\.?\s+)+",
    re.I,
)


def slugify(text: str, max_len: int = 80) -> str:
    """ASCII, lower-case, hyphen-separated; stable for identical input."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    if len(text) > max_len:
        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        text = text[: max_len - 9].rstrip("-") + "-" + digest
    return text or "x"


def person_key(name: str) -> str:
    """A spelling-tolerant identity key for a person's name."""
    name = _HONORIFIC.sub("", name.strip())
    words = [w for w in re.split(r"[\s.]+", name.lower()) if w]
    folded = []
    for w in words:
        w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
        for pat, rep in _TRANSLIT:
            w = pat.sub(rep, w)
        folded.append(w)
    return " ".join(folded)


@dataclass(frozen=True)
class Merge:
    """A name the resolver took to be a known entity: the IRI the name would have had, the
    IRI it got, and why (written as owl:sameAs + an okg:IdentityMerge record)."""

    retired: str
    survivor: str
    name: str
    survivor_label: str
    evidence: str


def _given_names_fit(a: list[str], b: list[str]) -> bool:
    """Given names that may be one person's: same first name (or its initial), and no
    second name that contradicts ("Ivan Ivanovich" fits "Ivan" and "I.", not "Ivan Petrovich")."""

    def same(x: str, y: str) -> bool:
        if len(x) == 1 or len(y) == 1:
            return x[0] == y[0]
        return x == y

    if not a or not b or not same(a[0], b[0]):
        return False
    return all(same(x, y) for x, y in zip(a[1:], b[1:], strict=False))


@dataclass
class Resolver:
    """Assigns IRIs to the entities of each extraction, remembering across articles."""

    base: str = DEFAULT_BASE
    acronyms: dict[str, str] = field(default_factory=dict)  # "EEC" -> "Eurasian Economic Commission"
    persons: dict[str, str] = field(default_factory=dict)  # person_key -> IRI
    org_labels: dict[str, str] = field(default_factory=dict)  # lower label -> IRI
    labels: dict[str, str] = field(default_factory=dict)  # IRI -> its one rdfs:label (the first name seen)
    redirects: dict[str, str] = field(default_factory=dict)  # retired IRI -> the IRI it was merged into
    surnames: dict[str, dict[str, str]] = field(default_factory=dict)  # surname -> {given names: IRI}
    short_forms: dict[str, set[str]] = field(default_factory=dict)  # "EAEU" -> IRIs labelled so
    long_forms: dict[str, dict[str, str]] = field(default_factory=dict)  # initial -> {full name: IRI}
    apart: set[tuple[str, str]] = field(default_factory=set)  # (IRI, IRI) never to merge (owl:differentFrom)
    # person IRI -> {(post slug, body IRI)}: the posts each person is known to hold or have held
    posts: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)  # variant names taken as known entities (last article)
    _why: str = ""

    def learn(self, iri: str, kind: str, name: str, preferred: bool = True) -> None:
        """Remember a name an earlier build gave a node (a store's resolver starts from these)."""
        if preferred:
            self.labels.setdefault(iri, name)
        if kind == "Person":
            self._person(name, iri)
        elif kind == "Organization":
            self._org_label(name, iri)
            if not preferred and name.isupper() and len(name) <= 8 and iri in self.labels:
                self.acronyms.setdefault(name, self.labels[iri])

    def learn_post(self, person: str, post: str, body: str) -> None:
        """Remember that a person holds or held a post in a body (the post's title or slug)."""
        self.posts.setdefault(person, set()).add((slugify(post), body))

    def iri(self, kind: str, slug: str) -> str:
        return f"{self.base}{kind}/{slug}"

    def resolve(self, ex: Extraction) -> dict[str, str]:
        """Entity key -> IRI for one extraction."""
        out: dict[str, str] = {}
        for ent in ex.entities.values():
            if ent.type == "Organization":
                for a in ent.aliases:
                    if a.isupper() and len(a) <= 8 and a not in self.acronyms:
                        self.acronyms[a] = ent.name
        # Organs first need their parents, and full names come before bare acronyms that
        # may abbreviate them: resolve in that order.
        self.merges = []
        # People last: the posts they hold in this article name bodies resolved before them.
        order = sorted(
            ex.entities.items(),
            key=lambda kv: (kv[1].type == "Person", kv[1].is_unit, is_acronym(kv[1].name)),
        )
        for key, ent in order:
            self._why = ""
            held = self._held(ex, key, out) if ent.type == "Person" else set()
            iri = self._resolve_one(ex, key, ent, held)
            out[key] = iri = self.redirects.get(iri, iri)
            self.labels.setdefault(iri, ent.name)
            if ent.type in ("Person", "Organization"):
                own = self.iri(KIND_PATH[ent.type], slugify(_HONORIFIC.sub("", ent.name)))
                if (own, iri) in self.apart or (iri, own) in self.apart:
                    out[key] = iri = own  # a merge someone undid: keep them apart
                    self.labels.setdefault(iri, ent.name)
                    continue
                if own != iri and self._why:
                    self.merges.append(Merge(own, iri, ent.name, self.labels[iri], self._why))
        for f in ex.facts:
            if f.kind == "role" and f.subject in out and f.object in out:
                self.learn_post(out[f.subject], f.role or "member", out[f.object])
        return out

    def _held(self, ex: Extraction, key: str, out: dict[str, str]) -> set[tuple[str, str]]:
        """The posts this article says the person holds or held: (post slug, body IRI)."""
        return {
            (slugify(f.role or "member"), out[f.object])
            for f in ex.facts
            if f.kind == "role" and f.subject == key and f.object in out
        }

    def _org_label(self, label: str, iri: str) -> None:
        # Bare organ heads ("Board") are too ambiguous to identify a body by.
        if len(label.split()) > 1 or label.isupper():
            self.org_labels.setdefault(label.lower(), iri)
        if is_acronym(label):
            self.short_forms.setdefault(label, set()).add(iri)
        elif len(label.split()) > 1:
            self.long_forms.setdefault(label[0].lower(), {}).setdefault(label, iri)

    def _abbreviation_of(self, name: str) -> str | None:
        """The one known body a bare acronym abbreviates, or whose acronym this full name expands."""
        if is_acronym(name):
            fits = {
                iri
                for label, iri in self.long_forms.get(name[0].lower(), {}).items()
                if abbreviates(name, label)
            }
        elif len(name.split()) > 1:
            fits = {
                iri
                for short, iris in self.short_forms.items()
                if short[0].lower() == name[0].lower() and abbreviates(short, name)
                for iri in iris
            }
        else:
            return None
        return fits.pop() if len(fits) == 1 else None

    def _person(self, name: str, iri: str) -> None:
        key = person_key(name)
        self.persons.setdefault(key, iri)
        words = key.split()
        if len(words) > 1:
            self.surnames.setdefault(words[-1], {}).setdefault(" ".join(words[:-1]), iri)

    def _same_person(self, name: str, held: AbstractSet[tuple[str, str]] = frozenset()) -> str | None:
        """A known person this name can only mean: same surname and compatible given names.

        "I. Petrov" is "Ivan Petrov", and "Ivan Ivanovich Petrov" is "Ivan Petrov", when
        exactly one known person fits. A shared surname alone is never enough; the post
        the article gives the name (``held``: post slug, body IRI) is: "Petrov, Minister of
        Finance of X" is the one Petrov known to hold that post, and of two known "I.
        Petrov"s it picks the one who holds it. Sets ``_why``.
        """
        words = person_key(name).split()
        if not words:
            return None
        given = words[:-1]
        fits = {
            iri
            for other, iri in self.surnames.get(words[-1], {}).items()
            if not given or _given_names_fit(given, other.split())
        }
        if given and len(fits) == 1:
            self._why = "the same surname and compatible given names; the only such person known"
            return fits.pop()
        by_post = {iri for iri in fits if self.posts.get(iri, set()) & held}
        if len(by_post) == 1:
            iri = by_post.pop()
            post, body = sorted(self.posts[iri] & held)[0]
            names = "the same surname and compatible given names" if given else "the same surname"
            self._why = (
                f"{names}, and the same post ({post.replace('-', ' ')} in {self.labels.get(body, body)}); "
                "the only such person known"
            )
            return iri
        return None

    def label(self, iri: str, fallback: str) -> str:
        """The node's one rdfs:label across the whole build (other names become skos:altLabel)."""
        return self.labels.get(iri, fallback)

    def _resolve_one(self, ex: Extraction, key: str, ent: Entity, held: set[tuple[str, str]]) -> str:
        if ent.type == "Country":
            return self.iri("country", slugify(ent.name))
        if ent.type == "Place":
            return self.iri("place", slugify(ent.name))
        if ent.type == "Person":
            known = self.persons.get(person_key(ent.name))
            if known:
                self._why = "the same name up to spelling (transliteration, honorific, accents)"
            else:
                known = self._same_person(ent.name, held)
            iri = known or self.iri("person", slugify(_HONORIFIC.sub("", ent.name)))
            for name in [ent.name, *ent.aliases]:
                if len(name.split()) > 1:
                    self._person(name, iri)
            return iri
        if ent.type == "Organization":
            name = ent.name
            if name in self.acronyms:
                name = self.acronyms[name]
                self._why = f"{ent.name} was introduced as the acronym of {name}"
            for label in [name, *sorted(ent.aliases)]:
                hit = self.org_labels.get(label.lower())
                if hit:
                    iri = hit
                    self._why = self._why or f"known by the same name: {label}"
                    break
            else:
                iri = self._abbreviation_of(ent.name)
                if iri:
                    self._why = "an acronym and the full name it abbreviates; the only such body known"
                else:
                    iri = self.iri("org", slugify(name))
            for label in [name, ent.name, *ent.aliases]:
                self._org_label(label, iri)
            return iri
        # Events and agreements are identified by their label and their own date (else the article's).
        own = next(
            (f.object for f in ex.facts if f.subject == key and f.kind in ("event_date", "agreement_date")),
            None,
        )
        stamp = own or (ex.article.date.isoformat() if ex.article.date else ex.article.id)
        return self.iri(KIND_PATH[ent.type], f"{slugify(ent.name, 60)}-{slugify(stamp)}")
