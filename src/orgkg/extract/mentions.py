"""Mentions in one sentence: bodies, countries, places, posts, people, events, agreements.

A sentence is scanned in layers, each reading what the earlier ones found:
gazetteer (countries, nationality adjectives, cities) -> bodies -> posts -> people ->
events and agreements. Everything here is within one sentence; linking mentions
across sentences is ``extract.article``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from orgkg.extract import vocab as V
from orgkg.extract.gazetteer import GazHit, gazetteer
from orgkg.extract.tokens import Sentence

CONNECTORS = frozenset({"of", "for", "on", "and", "the", "against", "&", "'s", "in", "to"})
NAME_PARTICLES = frozenset(
    {
        "bin",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "van",
        "von",
        "der",
        "la",
        "le",
        "du",
        "dos",
        "del",
        "di",
        "bint",
        "ben",
        "abu",
        "al-",
        "el-",
        "ter",
        "den",
        "y",
    }
)
OPEN_QUOTES = frozenset({'"', "“", "«", "'", "‘", "(", "["})
_ROLE_MULTI_SET = frozenset(V.ROLE_MULTI)
_AGREEMENT_MULTI: dict[str, list[list[str]]] = {}
for _phrase in sorted(V.AGREEMENT_MULTI, key=lambda p: -len(p.split())):
    _AGREEMENT_MULTI.setdefault(_phrase.split()[0], []).append(_phrase.split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_SAINTS = frozenset({"St.", "St", "Saint", "Ste.", "San", "Santa", "São"})
_ROMAN = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")
PUNCT_BREAK = frozenset(
    {",", ".", ";", ":", "(", ")", '"', "“", "”", "«", "»", "–", "—", "-", "!", "?", "[", "]"}
)
# Unions of vocabulary sets, built once rather than in every loop that tests them.
_TENURE_MARKERS = V.FORMER_MARKERS | V.NEW_MARKERS | {"-", "then"}  # "former", "newly appointed"
_AFTER_NAME = V.SAY_VERBS | {",", "and", "were", "was", "is"}  # "Minister X said", "Minister X,"
_EVENT_AGREEMENT_HEADS = V.EVENT_HEADS | V.AGREEMENT_HEADS
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th)")  # "43rd"
# "eighteenth", "twenty-first", "fortieth"
_ORDINAL_WORD = re.compile(r"(?:[a-z]+-)?(?:[a-z]+teenth|[a-z]+tieth|hundredth|thousandth)")


def is_ordinal(word: str) -> bool:
    """ "first", "43rd": a word that numbers one occurrence of a recurring event."""
    if word in V.ORDINALS or _NUMBERED.fullmatch(word) or _ORDINAL_WORD.fullmatch(word):
        return True
    head, _, last = word.rpartition("-")
    return bool(head) and last in V.ORDINALS  # "twenty-first"


# "on the occasion of X", "on the sidelines of X": the circumstance, not part of a name
_OCCASION_WORDS = frozenset({"occasion", "sidelines", "margins", "eve", "side", "fringes"})
_GENERIC_EVENT_WORDS = V.EVENT_MODIFIERS | {"signed", "new"}  # "the new annual meeting": no name

# The layers below ask the same questions of every token; the answers that depend on the
# word alone are memoised per word (bounded, so that memory stays flat over a long batch).
_WORD_CACHE = 1 << 16


@lru_cache(maxsize=_WORD_CACHE)
def _name_word(text: str) -> bool:
    """Could this word, by its form alone, be part of a person's name?"""
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return True  # an initial
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    if "-" in text and any(part[:1].islower() for part in text.split("-")[1:] if part):
        return False  # "Liberal-turned-independent"
    if text.isupper() and len(text) > 3:
        return False
    low = text.lower()
    if low in V.NOT_NAME_WORDS or low in V.ORG_HEADS or low in V.EVENT_HEADS or low in V.AGREEMENT_HEADS:
        return False
    if low in V.ROLE_HEADS or low in V.ROLE_MODIFIERS or low in V.HONORIFICS:
        return False
    if low in V.SAY_VERBS or low in V.SIGN_VERBS or low in V.ORGANIZE_VERBS:
        return False
    return True


_ROLE_HEAD, _ROLE_PLURAL = 2, 1


@lru_cache(maxsize=_WORD_CACHE)
def _role_form(low: str) -> int:
    """_ROLE_HEAD for a post head ("minister"), _ROLE_PLURAL for a plural one ("ministers"), else 0."""
    if low in V.ROLE_HEADS:
        return _ROLE_HEAD
    if (
        low in V.ROLE_PLURALS
        or low.rstrip("s") in V.ROLE_HEADS
        and low.endswith("s")
        and low not in ("members",)
        and len(low) > 4
    ):
        return _ROLE_PLURAL
    return 0


@lru_cache(maxsize=_WORD_CACHE)
def _head_kind(low: str) -> str | None:
    """ "agreement" or "event" for a single-word head noun (or its plural), else None."""
    if (
        low in V.AGREEMENT_HEADS
        or (low.endswith("s") and low[:-1] in V.AGREEMENT_HEADS)
        or low in ("mous", "memoranda")
    ):
        return "agreement"
    if low in V.EVENT_HEADS or (low.endswith("s") and low[:-1] in V.EVENT_HEADS):
        return "event"
    return None


@dataclass
class Mention:
    """Something named in a sentence: token span [s, e) and what it is."""

    kind: str  # person, org, country, place, role, event, agreement, adjective
    s: int
    e: int
    text: str
    # bodies: the normalised name, its parent mention (organ of / body of a country)
    name: str = ""
    parent: Mention | None = None
    acronym: bool = False
    head: str = ""  # the head noun (bodies, events, agreements, posts)
    key: str = ""  # countries and places: the gazetteer key
    # posts: the title, and the bodies/countries it is in
    title: str = ""
    orgs: list[Mention] = field(default_factory=list)
    former: bool = False
    plural: bool = False
    definite: bool = False  # "the Commission", "the meeting": refers back
    generic: bool = False  # no name of its own ("the meeting", "the document")


def _text(sent: Sentence, s: int, e: int) -> str:
    toks = sent.toks
    if s >= e:
        return ""
    base = toks[s].start
    return sent.text[base - sent.start : toks[e - 1].end - sent.start]


def _strip_det(sent: Sentence, s: int, e: int) -> int:
    while s < e and sent.toks[s].lower in ("the", "a", "an", "its", "their", "his", "her", "this", "that"):
        s += 1
    return s


class SentenceAnalysis:
    """All mentions of one sentence, found layer by layer."""

    def __init__(
        self, sent: Sentence, known_acronyms: set[str] | None = None, known_surnames: set[str] | None = None
    ):
        self.sent = sent
        self.toks = sent.toks
        n = len(self.toks)
        self.known_acronyms = known_acronyms or set()
        caps = sum(1 for x in self.toks if x.text.isupper() and len(x.text) > 1)
        self._shouting = caps >= max(4, n // 2)
        # Surnames of people named in full elsewhere in the article: "Sagintayev said".
        self.known_surnames = known_surnames or set()
        # Honorifics and the parts of compound titles ("Tan Sri", "Datuk Seri"), by position.
        lowers = [x.lower for x in self.toks]
        self.title = [
            w.rstrip(".") in V.TITLE_CANDIDATES and V.is_title(lowers, k) for k, w in enumerate(lowers)
        ]
        self.gaz: dict[int, GazHit] = {}
        for hit in gazetteer().match(self.toks):
            if hit.kind == "city" and (
                hit.ambiguous and not self._place_context(hit.start) or self._name_context(hit)
            ):
                continue
            for i in range(hit.start, hit.end):
                self.gaz[i] = hit
        self.taken = [None] * n  # token -> the mention owning it
        self.mentions: list[Mention] = []
        self.orgs: list[Mention] = []
        self.roles: list[Mention] = []
        self.persons: list[Mention] = []
        self.events: list[Mention] = []
        self.agreements: list[Mention] = []
        self.countries: list[Mention] = []
        self.places: list[Mention] = []
        self._dateline()
        self._find_orgs()
        self._find_countries_places()
        self._find_cued_orgs()
        self._find_roles()
        self._find_persons()
        self._find_events_agreements()
        self.mentions.sort(key=lambda m: (m.s, -m.e))
        # The article layer asks "does the sentence contain word/phrase X?" many times a sentence:
        # its lower-case words as a set, and joined by single spaces with one more at each end.
        lowers = [t.lower for t in self.toks]
        self.words = frozenset(lowers)
        self.padded = " " + " ".join(lowers) + " "

    # ------------------------------------------------------------------ helpers
    def _name_context(self, hit: GazHit) -> bool:
        """ "Vladimir Makei", "Minister Roman ...": a city name used as a given name."""
        toks = self.toks
        nxt = toks[hit.end] if hit.end < len(toks) else None
        prev = toks[hit.start - 1].lower if hit.start > 0 else ""
        if prev in V.ROLE_HEADS or (hit.start > 0 and self.title[hit.start - 1]):
            return True
        return bool(
            nxt is not None
            and nxt.cap
            and nxt.text[:1].isalpha()
            and not nxt.text.isupper()
            and nxt.lower not in V.ORG_HEADS
            and nxt.lower not in V.EVENT_HEADS
            and nxt.lower not in V.FUNCTION_WORDS
            and nxt.lower not in V.ORG_NAME_WORDS
            and nxt.lower not in V.AGREEMENT_HEADS
            and nxt.lower not in V.ROLE_HEADS
        )

    def _place_context(self, i: int) -> bool:
        return i > 0 and self.toks[i - 1].lower in ("in", "at", "to", "from", "near", "capital")

    def _is_capword(self, i: int) -> bool:
        t = self.toks[i]
        return t.cap and t.text not in PUNCT_BREAK and t.text[:1].isalpha()

    def _claim(self, m: Mention) -> Mention:
        for i in range(m.s, m.e):
            owner = self.taken[i]
            # An outer name owns its tokens: "CIS" inside "CIS Executive Committee" is the parent.
            if owner is None or (
                isinstance(owner, Mention)
                and m.s <= owner.s
                and owner.e <= m.e
                and owner.e - owner.s < m.e - m.s
            ):
                self.taken[i] = m
        self.mentions.append(m)
        return m

    def _dateline(self) -> None:
        """Mark a wire dateline ("ASTANA. KAZINFORM -", "KABUL (PAN):") so its agency is no body."""
        self.dateline_place: Mention | None = None
        toks = self.toks
        if self.sent.index > 3 or not toks:
            return
        # An all-capitals city at the start of the sentence followed by "." / "," / "(".
        hit = self.gaz.get(0)
        first_upper = toks[0].text.isupper() and len(toks[0].text) > 2
        if (
            hit
            and hit.kind == "city"
            and first_upper
            and hit.end < len(toks)
            and toks[hit.end].text in (",", ".", "(", ":", "-", "–")
        ):
            self.dateline_place = Mention(
                "place", hit.start, hit.end, _text(self.sent, hit.start, hit.end), name=hit.name, key=hit.key
            )
            # Capitalised agency names after the dateline are not bodies of the story.
            j = hit.end
            while j < len(toks) and j < hit.end + 12 and toks[j].text not in ("–", "—", ":", "-"):
                if toks[j].text.isupper() and len(toks[j].text) > 1:
                    self.taken[j] = "dateline"
                j += 1
        elif first_upper and len(toks) > 2 and toks[1].text in (",", ".") and not hit:
            pass

    # ------------------------------------------------------------------ bodies
    def _org_head_at(self, i: int) -> bool:
        t = self.toks[i]
        return t.cap and t.lower in V.ORG_HEADS and not t.text.isupper()

    def _acronym_at(self, i: int) -> bool:
        t = self.toks[i]
        if not t.acronym and t.text not in self.known_acronyms:
            return False  # the common case: each "yes" below needs one or the other
        if self.taken[i] == "dateline" or i in self.gaz:
            return False
        plain = t.text.replace(".", "")
        if plain.upper() in V.NOT_ACRONYMS or plain.upper() == "MOU":
            return False
        if t.text in self.known_acronyms:
            return True
        if "-" in t.text and all(part.isupper() for part in t.text.split("-") if part):
            return False  # "AU-EU", "Russia-ASEAN": a pair, not a body
        if not t.acronym or len(plain) > 8:
            return False
        if _ROMAN.fullmatch(plain):
            return False  # "the XV Olympic Winter Games", "Pope John XXIII"
        if (
            len(plain) <= 3
            and i > 0
            and i + 1 < len(self.toks)
            and (self._role_word(i - 1, plural=False) or self.title[i - 1])
            and self._name_tok(i + 1)
            and not self.toks[i + 1].acronym
            and self.toks[i + 1].lower not in V.ORG_NAME_WORDS
        ):
            return False  # "Spokesman KK Khumalo": a person's initials
        # A headline or dateline in capitals is not a row of acronyms.
        return not self._shouting

    def _find_orgs(self) -> None:
        known = self.known_acronyms
        # What each test below needs at the least (most words have none of it); the layers
        # visit only such candidates, left to right, resuming after each mention found.
        candidates = [
            i
            for i, t in enumerate(self.toks)
            if t.cap or t.acronym or t.lower == "government" or t.text in known
        ]
        free = 0
        for i in candidates:
            if i < free or self.taken[i] is not None:
                continue
            if self._company_before_suffix(i):
                i += 1
                continue
            if self._org_head_at(i) or self._acronym_at(i) or self._gov_at(i):
                m = self._org_from(i)
                if m is not None:
                    free = m.e

    def _company_before_suffix(self, i: int) -> bool:
        """A legal form after a comma names a company whatever its words: "Northwind Freight, Inc."."""
        toks = self.toks
        if not (toks[i].lower in V.COMPANY_SUFFIXES and toks[i].cap and i >= 2 and toks[i - 1].text == ","):
            return False
        s = i - 1
        while (
            s > 0
            and self.taken[s - 1] is None
            and (self._is_capword(s - 1) or toks[s - 1].text == "&")
            and toks[s - 1].lower not in V.FUNCTION_WORDS
            and not self._role_word(s - 1, plural=False)
        ):
            s -= 1
        if s == i - 1 or (s == 0 and i - 1 - s == 1):
            return False
        text = _text(self.sent, s, i + 1)
        m = Mention("org", s, i + 1, text, name=text, head=toks[i - 2].lower)
        self._claim(m)
        self.orgs.append(m)
        return True

    def _gov_at(self, i: int) -> bool:
        """Lower-case "government"/"ministry" naming a country's body ("the government of X")."""
        t = self.toks[i]
        if t.lower != "government":
            return False
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        prev = self.gaz.get(i - 1)
        return bool(
            (
                nxt
                and nxt.lower == "of"
                and self.gaz.get(
                    i + 1 + 1 + (self.toks[i + 2].lower == "the" if i + 2 < len(self.toks) else 0)
                )
            )
            or (prev and prev.kind in ("adjective", "country"))
        )

    def _org_from(self, i: int) -> Mention | None:
        """The body whose head (or acronym) is at token i, with its left and right parts."""
        toks, n = self.toks, len(self.toks)
        # Extend right over further capitalised words ending in a head ("Development Bank Board").
        e = i + 1
        last_head = i if not toks[i].acronym else -1
        j = e
        while (
            j < n
            and self.taken[j] is None
            and (self._is_capword(j) or (toks[j].text in ("&",) and j + 1 < n))
        ):
            if (
                toks[j].lower in V.EVENT_HEADS
                or toks[j].lower in V.AGREEMENT_HEADS
                or self._role_word(j, False)
            ):
                break
            if self._org_head_at(j):
                last_head = j
            j += 1
        if last_head >= i and last_head + 1 < n and toks[last_head + 1].lower in V.NOT_BODY_TAILS:
            return None  # "the Distinguished Service Medal", "the Parliament Building"
        if last_head >= i:
            e = last_head + 1
            hit = self.gaz.get(e)
            if (
                hit is not None
                and hit.kind == "city"
                and hit.start == e
                and (hit.end >= n or not self._is_capword(hit.end))
            ):
                e = hit.end  # "University College London"
        elif toks[i].acronym and i + 1 < j and toks[i + 1].acronym:
            e = i + 2  # "RAO UES": two capitals words, one body
        elif toks[i].acronym:
            e = i + 1
        # Extend left over capitalised modifiers ("Eurasian Economic", "CIS", "Kazakh Labour",
        # "SCO Heads of State", "Scientific and Technical").
        s = i
        while s > 0 and not (toks[i].acronym and last_head < i):
            t = toks[s - 1]
            owner = self.taken[s - 1]
            if owner == "dateline":
                break
            if owner is not None and not (
                isinstance(owner, Mention) and owner.kind == "org" and owner.acronym
            ):
                break
            if t.text in ("'s", "’s") and s >= 3 and self.taken[s - 2] is None:
                # "the President's Committee on ...", "St. Anne's College": a possessive in the name
                if toks[s - 2].cap and self._role_word(s - 2, plural=False):
                    s -= 2
                    continue
                # "People's Liberation Army", "Workers's Front": a word of the genre
                if self._is_capword(s - 2) and toks[s - 2].lower in ("people", "peoples", "workers", "women"):
                    s -= 2
                    continue
                if toks[s - 3].text in _SAINTS and self._is_capword(s - 2) and self.taken[s - 3] is None:
                    s -= 3
                break
            hit = self.gaz.get(s - 1)
            if hit and hit.kind == "country":
                # "United States Army", "Zimbabwe African National Union": the country opens the name
                opens = hit.end == s and not any(
                    toks[x].lower in ("of", "and", "for") for x in range(hit.start, hit.end)
                )
                if opens and (
                    hit.start == 0 or toks[hit.start - 1].lower not in ("of", "in", "and", "to", "from")
                ):
                    s = hit.start
                break
            if (
                t.lower in ("of", "and", "for", "&")
                and s - 2 >= 0
                and self.taken[s - 2] is None
                and (self._is_capword(s - 2) or toks[s - 2].acronym)
                and not self._role_word(s - 2, plural=False)
                and toks[s - 2].lower not in V.FUNCTION_WORDS
                and toks[s - 2].lower not in V.EVENT_HEADS
                and s - 2 != 0
            ):
                s -= 2
                continue
            if not (self._is_capword(s - 1) or t.acronym):
                break
            if self._role_word(s - 1, plural=False) or t.lower in V.FUNCTION_WORDS or self.title[s - 1]:
                break
            if t.lower in V.EVENT_HEADS or t.lower in V.AGREEMENT_HEADS:
                break
            if (
                s - 1 == 0
                and t.lower not in V.ORG_NAME_WORDS
                and not t.acronym
                and not hit
                and t.lower.endswith(("ing", "ed", "ly"))
            ):
                break
            s -= 1
        # A leading "of ..." fragment means the run crossed into another phrase.
        while s < i and toks[s].lower in ("of", "and", "for", "&"):
            s += 1
        # "University College London": the head is before the city that ends the name
        head_tok = toks[last_head] if last_head >= i and e > last_head + 1 else toks[e - 1]
        # "RAO UES": two acronyms in a row are one body
        is_acr = (e - s == 1 or (e - s == 2 and toks[s + 1].acronym and last_head < i)) and toks[s].acronym
        if toks[i].lower == "government" and not toks[i].cap:
            head_tok = toks[i]
            s, e = i, i + 1
        elif not is_acr and head_tok.lower not in V.ORG_HEADS:
            return None
        if not is_acr and e - s == 1 and head_tok.lower in V.WEAK_ORG_HEADS:
            return None
        # Right complement: "of the X", "for Y", "on Z", "against W", "in Country".
        parent = None
        name_e = e
        if not is_acr:
            name_e, parent = self._org_complement(e)
        # Left part that is itself a body or a country: "CIS Executive Committee", "Kazakh Labour Ministry".
        if parent is None and not is_acr and (s < i or (toks[s].acronym and e - s > 1)):
            first = toks[s]
            hit = self.gaz.get(s)
            if hit and hit.kind in ("country", "adjective") and hit.end <= e - 1:
                parent = self._country_mention(hit)
            elif first.acronym and s + 1 < e and head_tok.lower not in V.COMPANY_HEADS:
                parent = self._claim(
                    Mention("org", s, s + 1, first.text, name=first.text, acronym=True, head=first.text)
                )
                self.orgs.append(parent)
        if toks[i].lower == "government":
            prev = self.gaz.get(i - 1)
            if prev and prev.kind in ("adjective", "country") and parent is None:
                parent = self._country_mention(prev)
        if is_acr and self.taken[s] is not None:
            return None
        if (
            not is_acr
            and name_e + 1 < n
            and toks[name_e].text == ","
            and toks[name_e + 1].lower in V.COMPANY_SUFFIXES
            and self.taken[name_e + 1] is None
        ):
            name_e += 2  # "Acme Widgets, Inc.": the legal form is part of the name
        text = _text(self.sent, s, name_e)
        m = Mention("org", s, name_e, text, name=text, parent=parent, acronym=is_acr, head=head_tok.lower)
        if toks[i].lower == "government" and parent is not None and parent.kind == "country":
            m.name = f"Government of {parent.name}"
        ds = s
        if s > 0 and toks[s - 1].lower == "the":
            ds = s - 1
            m.definite = True
        m.generic = not is_acr and name_e - s == 1 and parent is None
        self._claim(m)
        self.orgs.append(m)
        del ds
        return m

    def _area_list_step(self, k: int, j: int) -> bool:
        """Inside a complement, "," or "and the" continuing a list of areas that ends in "and":
        "Department of Agriculture, Food and Rural Development", "of Arts, Heritage and the Islands"."""
        toks, n = self.toks, len(self.toks)
        if k == j or k + 2 >= n:
            return False
        if toks[k].lower == "and" and toks[k + 1].lower == "the":
            # only closing a list of areas begun with commas; the words after are no head of their own
            if not any(toks[x].text == "," for x in range(j, k)):
                return False
            x = k + 2
            while x < n and self._is_capword(x):
                w = toks[x].lower
                if w in V.ORG_HEADS or w in V.AGREEMENT_HEADS or w in V.EVENT_HEADS or x in self.gaz:
                    return False
                x += 1
            return x > k + 2
        if toks[k].text != "," or not self._is_capword(k + 1):
            return False
        for x in range(k + 1, min(n, k + 8)):
            w = toks[x]
            if w.lower == "and":
                return True
            if w.text in PUNCT_BREAK and w.text != ",":
                return False
            if (w.text != "," and not self._is_capword(x)) or w.lower in V.ORG_HEADS or x in self.gaz:
                return False
        return False

    def _country_mention(self, hit: GazHit) -> Mention:
        for c in self.countries:
            if c.s == hit.start:
                return c
        m = Mention(
            "country", hit.start, hit.end, _text(self.sent, hit.start, hit.end), name=hit.name, key=hit.key
        )
        m.head = hit.kind
        self.countries.append(m)
        for i in range(hit.start, hit.end):
            if self.taken[i] is None:
                self.taken[i] = m
        self.mentions.append(m)
        return m

    def _org_complement(self, e: int) -> tuple[int, Mention | None]:
        """Extend a body's name over "of/for/on ..." complements; return (end, parent)."""
        toks, n = self.toks, len(self.toks)
        parent = None
        # Only a mission or an office is named by where it works ("IOM Mission in Kazakhstan");
        # "Parliament in the United Kingdom", "Party in the Senate" are a body and a place.
        territorial = toks[e - 1].lower in V.TERRITORIAL_HEADS
        while e < n and toks[e].lower in ("of", "for", "on", "against", "in", "under"):
            j = e + 1
            if j < n and toks[j].lower == "the":
                j += 1
            if j >= n:
                break
            if toks[e].lower == "in" and not territorial and (j > e + 1 or toks[j].lower in V.REGION_WORDS):
                break
            hit = self.gaz.get(j)
            if hit and hit.kind == "country" and hit.start == j:
                if toks[e].lower == "of" or (toks[e].lower == "in" and territorial):
                    parent = parent or (self._country_mention(hit) if toks[e].lower == "of" else None)
                    e = hit.end
                    # "in Kazakhstan, Turkmenistan and Uzbekistan": a mission's territory.
                    while (
                        e + 1 < n
                        and toks[e].text in (",", "and")
                        and self.gaz.get(e + 1)
                        and self.gaz[e + 1].kind == "country"
                    ):
                        e = self.gaz[e + 1].end
                    continue
                break
            if toks[e].lower == "under" or (
                toks[e].lower == "in" and (j in self.gaz or not self._is_capword(j))
            ):
                break  # "Institute for Research in Economics" goes on; "Committee in Baku" does not
            if not (self._is_capword(j) or toks[j].acronym):
                break
            if self._role_word(j, plural=False) or toks[j].lower in V.FUNCTION_WORDS:
                break  # "Congress on July 4" is no name
            # Is the complement a body of its own ("Board of the Eurasian Economic Commission")?
            k = j
            while k < n and (
                self._is_capword(k)
                or toks[k].acronym
                or (
                    toks[k].lower in CONNECTORS
                    and k + 1 < n
                    and self._is_capword(k + 1)
                    # "the Ministry of Finance and UNDP": an acronym after "and" is another body
                    and not (toks[k + 1].acronym and self._acronym_at(k + 1))
                    and toks[k].lower not in ("of", "for", "on", "in", "to")
                )
                or self._area_list_step(k, j)
            ):
                if (self._role_word(k, plural=False) and toks[k].lower not in ("member", "head")) or (
                    toks[k].lower in V.EVENT_HEADS and toks[k].lower not in V.ORG_HEADS
                ):
                    break
                k += 1
            run = list(range(j, k))
            if any(
                toks[x].text in ("'s", "’s")
                and x - 2 >= j
                and all(
                    self._is_capword(y)
                    and toks[y].lower not in V.ORG_NAME_WORDS
                    and toks[y].lower not in V.ORG_HEADS
                    for y in (x - 2, x - 1)
                )
                for x in run
            ):
                break  # "Army of Joshua Nkomo's Union": a person's body is another body
            heads = [x for x in run if self._org_head_at(x)]
            acr = [x for x in run if toks[x].acronym and self._acronym_at(x)]
            has_det = toks[j - 1].lower == "the"
            # "of Government" in "Council of Heads of Government" is part of the name, not a body.
            bare_head = not has_det and len(run) == 1 and not acr
            if (
                toks[e].lower == "of"
                and not bare_head
                and ((heads and self.taken[j] is None) or (acr and acr[0] == j))
            ):
                sub = self._org_from(heads[-1] if heads else acr[0]) if self.taken[j] is None else None
                rest = range(sub.e, k) if sub is not None else range(0)
                if sub is not None and sub.acronym and any(toks[x].lower in V.ORG_NAME_WORDS for x in rest):
                    # "of the CIS Member Nations": a name that mentions its parent body
                    parent = parent or sub
                    e = k
                    continue
                if sub is not None and sub.s <= j:
                    parent = parent or sub
                    e = sub.e
                    continue
                if sub is not None:
                    e = sub.e
                    continue
            # A name complement: capitalised words of the genre, trailing names trimmed.
            words = run
            # a person's name runs on after the body's: two or more unknown words, no "and"
            tail = 0
            while (
                tail < len(words)
                and toks[words[-1 - tail]].lower not in V.ORG_NAME_WORDS
                and toks[words[-1 - tail]].lower not in CONNECTORS
                # "Revolution", "Stability": words that are never a person's name end no name
                and toks[words[-1 - tail]].lower not in V.NOT_NAME_WORDS
            ):
                tail += 1
            if 2 <= tail < len(words) and any(toks[x].lower in V.ORG_NAME_WORDS for x in words[:-tail]):
                words = words[:-tail]
            if not words:
                break
            # an acronym in the complement is its parent body; "JPMorgan Chase" is a name
            acr_parent = [
                x
                for x in words
                if toks[x].acronym
                and self._acronym_at(x)
                and (len(words) == 1 or toks[x].text.replace(".", "").replace("&", "").isupper())
            ]
            if acr_parent and parent is None:
                x = acr_parent[0]
                parent = self._claim(
                    Mention("org", x, x + 1, toks[x].text, name=toks[x].text, acronym=True, head=toks[x].text)
                )
                self.orgs.append(parent)
            e = words[-1] + 1
        return e, parent

    # ------------------------------------------------------------------ bodies named by context
    def _bare_name_tok(self, i: int, months: bool = False) -> bool:
        """A free capitalised word that could be (part of) a body's bare name."""
        t = self.toks[i]
        return (
            self.taken[i] is None
            and i not in self.gaz
            and (self._is_capword(i) or (t.acronym and self._acronym_at(i)))
            and (t.lower not in V.FUNCTION_WORDS or (months and t.lower in _MONTHS))
            and not self.title[i]
            and t.lower not in V.FORMER_MARKERS
            and not self._role_word(i, plural=False)
            and t.lower not in V.ROLE_MODIFIERS
            and t.lower not in V.EVENT_HEADS
            and t.lower not in V.AGREEMENT_HEADS
        )

    def _cued_name_end(self, j: int, months: bool = False) -> int:
        """End of a bare name after a strong cue: free capitalised words, where a country or a
        title word may stand inside ("Air Canada", "General Motors") but not first."""
        toks, n = self.toks, len(self.toks)
        e = j
        while e < n and e - j < 5:
            if self._bare_name_tok(e, months=months):
                e += 1
                continue
            hit = self.gaz.get(e)
            if e > j and hit is not None and hit.start == e and hit.kind == "country":
                owner = self.taken[e]
                if owner is None or (isinstance(owner, Mention) and owner.kind == "country"):
                    e = hit.end
                    continue
            if (
                self.taken[e] is None
                and self._is_capword(e)
                and toks[e].lower in V.ROLE_MODIFIERS
                and not (e + 1 < n and self._role_word(e + 1, plural=False))
            ):
                e += 1
                continue
            break
        return e

    def _cued_org(self, s: int, e: int) -> None:
        # a country inside the name ("Air Canada") is the body's, not a mention of its own
        inside = [c for c in self.countries if s <= c.s and c.e <= e]
        for c in inside:
            self.countries.remove(c)
            self.mentions.remove(c)
            for x in range(c.s, c.e):
                self.taken[x] = None
        text = _text(self.sent, s, e)
        m = Mention("org", s, e, text, name=text, head=self.toks[e - 1].lower)
        self._claim(m)
        self.orgs.append(m)

    def _find_cued_orgs(self) -> None:
        """Bodies without a head noun, named by where they stand: "Labour leader X",
        "an Irish Green politician", "he joined Acme", "Acme, a Denver-based company"."""
        toks, n = self.toks, len(self.toks)
        for i in range(n):
            low = toks[i].lower
            # "Conservative leader Jane Doe", "Acme chairperson John Roe"
            if (
                low in V.LEADER_TITLES
                and i > 0
                and self._bare_name_tok(i - 1)
                and (i - 1 > 0 or toks[i - 1].acronym)
            ):
                j = i + 1
                if j < n and toks[j].lower in ("executive", "officer"):
                    j += 1
                if j + 1 < n and self._name_tok(j) and self._name_tok(j + 1):
                    s = i - 1
                    while s > 0 and self._bare_name_tok(s - 1) and s - 1 > 0:
                        s -= 1
                    words = [toks[x].lower for x in range(s, i)]
                    plain = all(w in V.NOT_NAME_WORDS or w in V.NOT_BODY_BEFORE_LEADER for w in words)
                    if not plain and not (len(words) == 1 and words[0] in V.ORG_HEADS):
                        self._cued_org(s, i)
                continue
            # "an Irish Green politician", "a Liberal candidate"
            if low in V.AFFILIATION_NOUNS and i > 1 and self._bare_name_tok(i - 1):
                s = i - 1
                while s > 0 and self._bare_name_tok(s - 1):
                    s -= 1
                k = s - 1
                hit = self.gaz.get(k)
                if hit is not None and hit.kind in ("adjective", "country"):
                    k = hit.start - 1
                if k >= 0 and toks[k].lower in ("a", "an", "the") and i - s <= 3:
                    self._cued_org(s, i)
                continue
            # "a subsidiary of Acme Motors", "the parent of Acme", "merged with Acme"
            if i + 2 < n and (low, toks[i + 1].lower) in V.CORPORATE_LINK_CUES:
                j = i + 2 + (toks[i + 2].lower == "the")
                e = self._cued_name_end(j)
                if e > j:
                    self._cued_org(j, e)
                continue
            # "joined Acme", "joining the Green List"
            if low in V.JOIN_VERBS and i + 1 < n:
                j = i + 1
                definite = toks[j].lower == "the"
                j += definite
                e = self._cued_name_end(j, months=definite)
                # "joined Smith at the summit" is a person met; "joined Acme, ..." / "joined Acme in 2015"
                # a body joined
                after = toks[e].lower if e < n else "."
                met = not (
                    after in PUNCT_BREAK
                    or after in ("after", "before", "as", "when", "where", "from", "until", "since", "which")
                    or (after == "in" and e + 1 < n and toks[e + 1].text[:1].isdigit())
                )
                surname = toks[j].text in self.known_surnames
                if e > j and (definite or (e - j == 1 and not met)) and not surname:
                    self._cued_org(j, e)
                continue
            # "Acme, a Denver-based software company"
            if low == "," and i > 0 and i + 2 < n and toks[i + 1].lower in ("a", "an", "the"):
                k = i + 2
                while k < n and k - i < 9 and toks[k].text not in PUNCT_BREAK:
                    if toks[k].lower in ("of", "and", "or", "who", "which"):
                        break
                    if self._role_word(k, plural=False):
                        break
                    if toks[k].lower in V.APPOSITION_ORG_NOUNS and (
                        k + 1 >= n
                        or toks[k + 1].text in PUNCT_BREAK
                        or toks[k + 1].lower in ("that", "which", "whose", "based", "with", "in", "founded")
                    ):
                        s = i
                        while s > 0 and i - s < 4 and self._bare_name_tok(s - 1):
                            s -= 1
                        if s < i and (s > 0 or i - s > 1 or toks[s].acronym):
                            self._cued_org(s, i)
                        break
                    k += 1

    # ------------------------------------------------------------------ countries and places
    def _find_countries_places(self) -> None:
        seen = set()
        for i, hit in sorted(self.gaz.items()):
            if hit.start in seen:
                continue
            seen.add(hit.start)
            if isinstance(self.taken[i], Mention) and self.taken[i].kind != "country":
                # A country named inside a body's name is that body's, not a mention of its own.
                continue
            if hit.kind == "country":
                self._country_mention(hit)
            elif hit.kind == "adjective":
                m = self._country_mention(hit)
                m.head = "adjective"
            elif hit.kind == "city":
                if self.taken[i] == "dateline":
                    continue
                if self.dateline_place is not None and self.dateline_place.s == hit.start:
                    continue
                m = Mention(
                    "place",
                    hit.start,
                    hit.end,
                    _text(self.sent, hit.start, hit.end),
                    name=hit.name,
                    key=hit.key,
                )
                self.places.append(self._claim(m))

    # ------------------------------------------------------------------ posts
    def _role_word(self, i: int, plural: bool = True) -> bool:
        form = _role_form(self.toks[i].lower)
        return form == _ROLE_HEAD or (plural and form == _ROLE_PLURAL)

    def _find_roles(self) -> None:
        toks, n = self.toks, len(self.toks)
        free = 0
        for i in [i for i, t in enumerate(toks) if _role_form(t.lower)]:  # _role_word(i), plural or not
            t = toks[i]
            if (
                i < free
                or self.taken[i] is not None
                or t.lower in ("member", "members", "head")
                and not (i + 1 < n and toks[i + 1].lower == "of")
            ):
                continue
            # "deputy" alone before a name is a post; before "prime minister" a modifier.
            s = i
            e = i + 1
            while (
                e < n
                and self.taken[e] is None
                and (
                    toks[e].lower in V.ROLE_HEADS
                    or toks[e].lower in V.ROLE_PLURALS
                    or toks[e].lower in V.ROLE_MODIFIERS
                    and e + 1 < n
                    and self._role_word(e + 1)
                    or f"{toks[e - 1].lower} {toks[e].lower}" in _ROLE_MULTI_SET
                )
            ):
                e += 1
            head_lower = " ".join(x.lower for x in toks[s:e])
            plural = toks[e - 1].lower in V.ROLE_PLURALS or (
                toks[e - 1].lower.endswith("s") and toks[e - 1].lower not in V.ROLE_HEADS
            )
            # Left: modifiers and subject words ("First Deputy", "Foreign", "Finance").
            while s > 0 and self.taken[s - 1] is None:
                p = toks[s - 1]
                if p.lower in V.ROLE_MODIFIERS or p.lower in V.ROLE_HEADS:
                    s -= 1
                    continue
                if (
                    p.cap
                    and p.lower in V.ORG_NAME_WORDS
                    and p.lower not in ("state", "states", "government", "united", "national")
                    and s - 1 != 0
                    and p.lower not in V.ORG_HEADS
                ):
                    s -= 1
                    continue
                if p.cap and p.lower in V.ORG_NAME_WORDS and s - 1 == 0 and p.lower not in V.ORG_HEADS:
                    s -= 1
                    continue
                if p.lower in ("finance", "foreign", "defence", "defense", "trade", "economy", "health"):
                    s -= 1
                    continue
                break
            former = False
            k = s - 1
            while k >= 0 and toks[k].lower in _TENURE_MARKERS:
                if toks[k].lower in V.FORMER_MARKERS:
                    former = True
                k -= 1
            if s > 0 and toks[s - 1].lower.startswith("ex-"):
                former = True
            title_parts = [_text(self.sent, s, e)]
            orgs: list[Mention] = []
            # Pre-modifier: a body, a country (or its adjective), "Azerbaijan's".
            p = s - 1
            if p >= 0 and toks[p].text in ("'s", "’s"):
                p -= 1
            if p >= 0 and isinstance(self.taken[p], Mention) and self.taken[p].kind in ("org", "country"):
                pre = self.taken[p]
                while pre.parent is not None and pre.parent.e > pre.e:
                    break
                orgs.append(pre)
            # Right: complements "of X", "for Y", "to Z", "in charge of W".
            j = e
            while j < n:
                w = toks[j].lower
                if w == "in" and j + 2 < n and toks[j + 1].lower == "charge" and toks[j + 2].lower == "of":
                    k = j + 3
                    k2 = k
                    while (
                        k2 < n
                        and self.taken[k2] is None
                        and toks[k2].text not in PUNCT_BREAK
                        and toks[k2].lower not in ("of",)
                        and not self._person_start(k2)
                    ):
                        k2 += 1
                    if k2 > k:
                        title_parts.append(_text(self.sent, j, k2))
                        j = k2
                        continue
                    break
                if w not in ("of", "for", "to", "at", "on"):
                    break
                k = j + 1
                if k < n and toks[k].lower in ("the", "its", "their", "his", "her"):
                    k += 1
                if k >= n:
                    break
                owner = self.taken[k]
                if isinstance(owner, Mention) and owner.kind in ("org", "country") and owner.s == k:
                    if w == "to" and owner.kind == "country":
                        title_parts.append(_text(self.sent, j, owner.e))
                        j = owner.e
                        continue
                    if w in ("of", "at", "for") or (w == "to" and owner.kind == "org"):
                        orgs.append(owner)
                        j = owner.e
                        if j + 2 < n and toks[j].text == "(" and toks[j + 2].text == ")":
                            j += 3  # "of the Eurasian Economic Commission (EEC) Tigran Sargsyan"
                        # "of the Board of the EEC": the organ's parent is already its parent.
                        continue
                    break
                if owner is None and (self._is_capword(k) or (w == "for" and toks[k].lower != "the")):
                    # An area of the post ("of Defence", "for Asia and the Pacific", "of Industry, Trade").
                    k2 = k
                    while (
                        k2 < n
                        and self.taken[k2] is None
                        and not self._person_start(k2)
                        and (
                            self._is_capword(k2)
                            or toks[k2].lower in ("and", "the", "&")
                            or (
                                toks[k2].text == ","
                                and k2 + 1 < n
                                and self._is_capword(k2 + 1)
                                and any(toks[x].lower == "and" for x in range(k2, min(n, k2 + 5)))
                            )
                        )
                    ):
                        if self._role_word(k2):
                            break
                        k2 += 1
                    while k2 > k and toks[k2 - 1].lower in ("and", "the", ",", "&"):
                        k2 -= 1
                    if k2 > k:
                        title_parts.append(_text(self.sent, j, k2))
                        j = k2
                        continue
                break
            title = " ".join(title_parts)
            m = Mention(
                "role",
                s,
                j,
                _text(self.sent, s, j),
                title=title,
                orgs=orgs,
                former=former,
                plural=plural,
                head=head_lower,
            )
            self._claim(m)
            self.roles.append(m)
            free = j if j > i else i + 1

    # ------------------------------------------------------------------ people
    def _name_tok(self, i: int) -> bool:
        return self.taken[i] is None and not self.title[i] and _name_word(self.toks[i].text)

    def _person_start(self, i: int) -> bool:
        return (
            self._name_tok(i)
            and i + 1 < len(self.toks)
            and self._name_tok(i + 1)
            and self.toks[i].lower not in V.ORG_NAME_WORDS
        )

    def _not_a_person(self, s: int, e: int) -> bool:
        """Capitalised words that name a thing: "a joint Earth Remote Sensing system",
        "Young Professionals Forum", "Convention on Counteracting Extremism"."""
        toks = self.toks
        prev = toks[s - 1].lower if s > 0 else ""
        nxt = toks[e].lower if e < len(toks) else ""
        if prev in (
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "joint",
            "on",
            "against",
            "for",
            "its",
            "their",
        ):
            return True
        if nxt in V.EVENT_HEADS or nxt in V.AGREEMENT_HEADS or nxt in V.ORG_HEADS:
            return True
        return toks[s].lower.endswith("ing") and len(toks[s].text) > 5

    def _particles_then_name(self, e: int) -> bool:
        """ "von der Leyen", "bin Laden": lower-case particles followed by a name word."""
        n = len(self.toks)
        while e < n and self.toks[e].lower in NAME_PARTICLES:
            e += 1
        return e < n and self._name_tok(e)

    def _find_persons(self) -> None:
        toks, n = self.toks, len(self.toks)
        free = 0
        for i in [i for i, t in enumerate(toks) if _name_word(t.text)]:
            if i < free or self.taken[i] is not None or self.title[i]:  # not _name_tok(i)
                continue
            s = i
            e = i
            while e < n and (
                self._name_tok(e)
                or (toks[e].lower in NAME_PARTICLES and e > s and self._particles_then_name(e))
            ):
                e += 1
            # Honorific before: keep out of the name but note it.
            after_role = s > 0 and isinstance(self.taken[s - 1], Mention) and self.taken[s - 1].kind == "role"
            after_hon = s > 0 and self.title[s - 1]
            words = [toks[x] for x in range(s, e)]
            sentence_initial = s == 0 or (s > 0 and toks[s - 1].text in OPEN_QUOTES)
            ok = False
            if e - s >= 2:
                # Two capitalised words that are not genre vocabulary.
                vocab_words = sum(1 for w in words if w.lower in V.ORG_NAME_WORDS)
                ok = vocab_words < len(words) - 1 or (after_role and vocab_words < len(words))
                if sentence_initial and not after_role and words[0].lower in V.ORG_NAME_WORDS:
                    ok = False
                if e - s > 4:
                    e = s + 4 if after_role else e
                    ok = ok and after_role
            elif e - s == 1:
                w = words[0]
                nxt = toks[e].lower if e < n else ""
                ok = (
                    (after_role or after_hon)
                    and w.lower not in V.ORG_NAME_WORDS
                    and not sentence_initial
                    or (after_role and nxt in _AFTER_NAME)
                )
                if after_role and w.lower not in V.ORG_NAME_WORDS:
                    ok = True
                if w.text in self.known_surnames:
                    ok = True
            if ok and not after_role and not after_hon and self._not_a_person(s, e):
                ok = False
            if ok and toks[s].text in _SAINTS and e < n and toks[e].text in ("'s", "’s"):
                ok = False  # "St. Luke's Hospital": named after a saint, not a person
            if ok:
                m = Mention("person", s, e, _text(self.sent, s, e), name=_text(self.sent, s, e))
                self._claim(m)
                self.persons.append(m)
            free = e if e > i else i + 1

    # ------------------------------------------------------------------ events and agreements
    def _find_events_agreements(self) -> None:
        toks = self.toks
        free = 0
        for i in [i for i, t in enumerate(toks) if t.lower in _AGREEMENT_MULTI or _head_kind(t.lower)]:
            if i < free:
                continue
            low = toks[i].lower
            kind = None
            head_e = i + 1
            multi = self._agreement_multi(i) if low in _AGREEMENT_MULTI else 0
            if multi:
                kind, head_e = "agreement", multi
            else:
                kind = _head_kind(low)
            owner = self.taken[i]
            if kind is None or (
                isinstance(owner, Mention)
                and owner.kind not in ("org",)
                and not (kind == "event" and owner.kind == "agreement")
            ):
                continue
            if isinstance(owner, Mention) and owner.kind == "org":
                # "Assembly" as the head of a body is the body, not an event.
                continue
            m = self._np_around(i, head_e, kind)
            # An agreement's phrase may name an event; look inside it.
            free = m.e if m is not None and kind == "event" else head_e

    def _agreement_multi(self, i: int) -> int:
        toks, n = self.toks, len(self.toks)
        for words in _AGREEMENT_MULTI.get(toks[i].lower, ()):
            if i + len(words) <= n and all(toks[i + k].lower == w for k, w in enumerate(words)):
                return i + len(words)
        return 0

    def _np_around(self, i: int, head_e: int, kind: str) -> Mention | None:
        toks, n = self.toks, len(self.toks)
        head = toks[i].lower
        if head in ("mou", "mous"):
            head = "memorandum"
        plural = (
            head.endswith("s")
            and head not in V.PLURAL_EVENTS
            and head not in ("mous",)
            and head[:-1] in _EVENT_AGREEMENT_HEADS
        ) or head in ("mous", "memoranda")
        # Left: modifiers, ordinals, capitalised words, a body named before ("SCO summit").
        s = i
        org_pre = None
        while s > 0:
            p = toks[s - 1]
            owner = self.taken[s - 1]
            if isinstance(owner, Mention) and owner.kind in ("org", "country") and owner.e == s:
                org_pre = owner
                s = owner.s
                continue
            if isinstance(owner, Mention) and owner.kind == "place" and owner.e == s:
                s = owner.s
                continue
            if owner is not None and not (
                kind == "event" and isinstance(owner, Mention) and owner.kind == "agreement"
            ):
                break
            low = p.lower
            if (
                low in V.EVENT_MODIFIERS
                or low
                in (
                    "cooperation",
                    "co-operation",
                    "framework",
                    "bilateral",
                    "draft",
                    "signing",
                    "partnership",
                    "trade",
                    "free",
                    "comprehensive",
                    "strategic",
                    "summit",
                    "ministers'",
                    "leaders'",
                    "new",
                    "intergovernmental",
                    "final",
                    "official",
                    "press",
                    "work",
                    "action",
                    "joint",
                    "investment",
                    "economic",
                )
                or (
                    p.cap
                    and p.text[:1].isalpha()
                    and (low not in V.FUNCTION_WORDS or low in V.ORG_NAME_WORDS)
                )
                or low.endswith(("th", "st", "nd", "rd"))
                and low[:-2].isdigit()
                or (p.text.endswith("-format") or p.text.endswith("-level"))
            ):
                s -= 1
                continue
            break
        # Right: "of understanding", "of X", "between X and Y", "on Z", "for W", "in City".
        e = head_e
        if e + 2 < n and toks[e].text == "(" and toks[e + 2].text == ")" and toks[e + 1].acronym:
            e += 3  # "Memorandum of Understanding (MoU) of the 55th Annual Conference"
        org_of = None
        limit = min(n, head_e + 30)
        while e < limit:
            w = toks[e].lower
            if w in ("of", "between", "on", "for", "to", "by", "with", "at", "and") and e + 1 < n:
                if w == "and" and not (
                    kind == "event" and head in ("talks", "negotiations", "consultations")
                ):
                    # "between X and Y" is handled inside the between-phrase
                    break
                if w == "to" and kind == "event" and head != "visit":
                    break
                if w in ("by", "with") and kind == "event":
                    break
                if w == "at" and kind == "agreement":
                    break
                if w == "on" and e + 3 < n and toks[e + 1].lower == "the" and toks[e + 3].lower == "of":
                    if toks[e + 2].lower in _OCCASION_WORDS:
                        break  # "signed a memorandum on the occasion of / on the sidelines of X"
                k = e + 1
                # Stop at a clause: a verb-like lower-case word right after the preposition is no NP.
                k2 = k
                depth = 0
                while k2 < limit:
                    tt = toks[k2]
                    # A title runs on over "in Tourism", ", Friendship and Cooperation"
                    titled = kind == "agreement" and k2 + 1 < n and toks[k2 + 1].cap and toks[k2 - 1].cap
                    if titled and tt.lower == "in":
                        k2 += 1
                        continue
                    if (
                        titled
                        and tt.text == ","
                        and any(toks[x].lower == "and" for x in range(k2, min(n, k2 + 5)))
                    ):
                        k2 += 1
                        continue
                    if tt.text == "(":
                        depth += 1
                    elif tt.text == ")":
                        if depth == 0:
                            break
                        depth -= 1
                    elif depth == 0 and (
                        tt.text in (",", ";", ":", ".", '"', "“", "”", "«", "»", "–", "—")
                        or tt.lower
                        in (
                            "which",
                            "that",
                            "there",
                            "here",
                            "who",
                            "was",
                            "were",
                            "is",
                            "are",
                            "has",
                            "have",
                            "had",
                            "will",
                            "would",
                            "held",
                            "signed",
                            "took",
                            "taking",
                            "aimed",
                            "aims",
                            "adopted",
                            "approved",
                            "ended",
                            "started",
                            "begins",
                            "began",
                            "at",
                            "by",
                            "within",
                            "during",
                            "while",
                            "after",
                            "before",
                            "as",
                            "in",
                            "from",
                            "since",
                            "ahead",
                            "where",
                            "when",
                            "with",
                            "through",
                            "under",
                        )
                    ):
                        break
                    if (
                        depth == 0
                        and tt.lower in ("and",)
                        and w != "between"
                        and (kind == "agreement" or head not in ("talks", "negotiations", "consultations"))
                    ):
                        break
                    if depth == 0 and tt.lower in ("between",) and k2 > k:
                        break
                    if depth == 0 and kind == "event" and not tt.cap and tt.lower.endswith("ed") and k2 > k:
                        break  # "meeting of the Council chaired by ...": a participle ends the name
                    if (
                        depth == 0
                        and w == "between"
                        and tt.lower == "and"
                        and any(toks[x].lower == "and" for x in range(k, k2))
                    ):
                        break  # "between X and Y and the Joint Action Plan ...": the list goes on
                    if depth == 0 and tt.lower in ("on",) and k2 > k and kind == "event":
                        break
                    k2 += 1
                if k2 == k:
                    break
                for x in range(k, k2):
                    o = self.taken[x]
                    if (
                        isinstance(o, Mention)
                        and o.kind in ("org", "country")
                        and org_of is None
                        and w == "of"
                    ):
                        org_of = o
                e = k2
                continue
            if (
                w == "in"
                and e + 1 < n
                and isinstance(self.taken[e + 1], Mention)
                and self.taken[e + 1].kind == "place"
                and kind == "event"
                and False
            ):
                e = self.taken[e + 1].e
                continue
            break
        ds = s
        while ds > 0 and toks[ds - 1].lower in ("the", "a", "an", "its", "this", "that", "their", "our"):
            ds -= 1
        definite = ds < s and toks[ds].lower in ("the", "this", "that", "its", "their", "our")
        generic = (e == head_e and s == i) or (
            s < i and all(toks[x].lower in _GENERIC_EVENT_WORDS for x in range(s, i)) and e == head_e
        )
        # "the extended meeting of the council": named only by a common noun, it refers back
        tail = [t for t in toks[head_e:e] if t.lower not in ("of", "the")]
        if (
            kind == "event"
            and tail
            and all(not t.cap for t in tail)
            and tail[-1].lower in V.ORG_HEADS
            and all(not toks[x].cap or toks[x].lower in V.EVENT_MODIFIERS for x in range(s, i))
            # "the first session of the task force": an ordinal tells of one occurrence
            and not any(is_ordinal(toks[x].lower) for x in range(s, i))
        ):
            generic = True
        if (
            kind == "event"
            and head in V.PLURAL_EVENTS
            and s == i
            and (i == 0 or toks[i - 1].lower not in ("the", "its", "their", "these", "this"))
            and e == head_e
        ):
            plural = True  # "organizing consultations": an activity, not one event
        while e - 3 >= head_e and toks[e - 1].text == ")" and toks[e - 3].text == "(":
            e -= 3  # a trailing "(ADB)" belongs to the body, not the event's name
        text = _text(self.sent, s, e)
        m = Mention(kind, s, e, text, name=text, head=head, plural=plural, definite=definite, generic=generic)
        m.parent = org_of or org_pre
        m.orgs = [x for x in (org_pre, org_of) if x is not None]
        self.mentions.append(m)
        (self.events if kind == "event" else self.agreements).append(m)
        for x in range(s, e):
            if self.taken[x] is None:
                self.taken[x] = m
        return m
