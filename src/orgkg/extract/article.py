"""Article -> Extraction: mentions linked within the article, and the facts among them."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from orgkg.extract import vocab as V
from orgkg.extract.dates import DateValue, find_dates
from orgkg.extract.mentions import Mention, SentenceAnalysis, is_ordinal
from orgkg.extract.tenure import date_tenures
from orgkg.extract.tokens import Sentence, sentences
from orgkg.model import Article, Entity, Extraction, Fact, Span

_ACR_DEF = re.compile(r"\(([A-Z][A-Za-z&.\-]{1,9})\)")
_STOP_INITIALS = {"of", "the", "and", "for", "on", "in", "&", "to", "against"}


_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_SPACES = re.compile(r"\s+")
# Names are normalised again and again (each mention, each comparison of entities): memoised,
# bounded so that memory stays flat over a long batch.
_NAME_CACHE = 1 << 14


@lru_cache(maxsize=_NAME_CACHE)
def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("`", "'")
    text = _LEADING_ARTICLE.sub("", text.strip())
    return _SPACES.sub(" ", text).strip(" ,.;:")


_WORD_BREAK = re.compile(r"[\s\-]+")


@lru_cache(maxsize=_NAME_CACHE)
def _initials(name: str, stop: bool = True) -> str:
    words = [w for w in _WORD_BREAK.split(name) if w and (not stop or w.lower() not in _STOP_INITIALS)]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _abbreviates(acr: str, words: list[str]) -> bool:
    """Can the acronym be read off these words, letters in order, starting with the first
    word's initial and touching every content word but a final head ("EAEU" from "Eurasian Economic Union",
    "RUSNANO" from "Russian Nanotechnology Corporation")? (Schwartz and Hearst, 2003.)"""
    letters = acr.replace(".", "").replace("-", "").lower()
    content = [w.lower() for w in words if w.lower() not in _STOP_INITIALS]
    if not letters or not content or content[0][:1] != letters[0]:
        return False

    def fit(li: int, wi: int, ci: int) -> bool:
        # letter li to place; word wi, from character ci (ci == 0: at the word's initial only)
        if li == len(letters):
            # every word used, but a trailing head may be left out ("Corporation" in RUSNANO)
            return wi >= len(content) - 1 or (wi == len(content) - 2 and content[-1] in V.ORG_HEADS)
        if wi >= len(content):
            return False
        w = content[wi]
        if ci == 0:
            return w[:1] == letters[li] and fit(li + 1, wi, 1)
        pos = w.find(letters[li], ci)
        if pos >= 0 and fit(li + 1, wi, pos + 1):
            return True
        return fit(li, wi + 1, 0)

    return fit(0, 0, 0)


_FAMILIES = {
    "meeting": "meeting",
    "session": "meeting",
    "sitting": "meeting",
    "gathering": "meeting",
    "summit": "meeting",
    "talks": "meeting",
    "negotiations": "meeting",
    "consultations": "meeting",
    "memo": "memorandum",
    "mou": "memorandum",
    "mous": "memorandum",
    "memoranda": "memorandum",
    "memorandums": "memorandum",
}


def _names_document(name: str) -> bool:
    """Is the first head noun of this name an agreement's or an event's ("General Agreement on
    Tariffs and Trade") rather than a body's ("Council of the Agreement")?"""
    for w in name.lower().split():
        if w in V.ORG_HEADS:
            return False
        if (w in V.AGREEMENT_HEADS and w not in V.WEAK_AGREEMENT_HEADS) or w in V.EVENT_HEADS:
            return w not in V.ORG_HEADS
    return False


def _family(head: str) -> str:
    """Heads that name the same kind of thing: meeting/session/sitting, memo/MoU/memorandum."""
    return _FAMILIES.get(head, head)


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w'-]+", text) if w.lower() not in _STOP_INITIALS}


_GENERIC_TITLE = {
    "memorandum",
    "understanding",
    "agreement",
    "mou",
    "memo",
    "cooperation",
    "co-operation",
    "letter",
    "intent",
    "joint",
    "action",
    "plan",
    "protocol",
    "treaty",
    "declaration",
    "statement",
    "roadmap",
    "road",
    "map",
    "framework",
    "convention",
    "charter",
}
_PARTY_PHRASE = re.compile(r"\b(between|with)\b.*$", re.I)


def _topic_words(name: str) -> set[str]:
    """What a document is about, without its parties.

    "framework agreement on culture" -> {framework, culture}."""
    name = _PARTY_PHRASE.sub("", name)
    return {
        w.lower()
        for w in re.findall(r"[\w'-]+", name)
        if w.lower() not in _STOP_INITIALS
        and w.lower() not in ("memorandum", "memo", "mou", "agreement", "understanding", "a", "an")
    }


def _title_words(name: str) -> set[str]:
    """The capitalised words that name a document, without its parties ("between X and Y")."""
    name = _PARTY_PHRASE.sub("", name)
    return {
        w.lower() for w in re.findall(r"[\w'-]+", name) if w[:1].isupper() and w.lower() not in _GENERIC_TITLE
    }


@lru_cache(maxsize=_NAME_CACHE)
def _singular(text: str) -> str:
    """Lower-case, each word in a rough singular: an identity key, never a label."""
    words = []
    for w in text.lower().split():
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        words.append(w)
    return " ".join(words)


def _event_caps(name: str) -> set[str]:
    """The capitalised words that tell one event from another (not "Annual", "Expanded")."""
    return {
        _singular(w)
        for w in re.findall(r"[\w'-]+", name)
        if w[:1].isupper() and w.lower() not in V.EVENT_FORMAT_WORDS and w.lower() not in V.EVENT_HEADS
    }


def toks_adopted(f: Fact) -> bool:
    """Was the fact's sentence about adopting (rather than signing between parties)?"""
    return " adopted" in f.evidence.text.lower()


def _country_list(a: SentenceAnalysis, k: int, step: int) -> list[Mention]:
    """Countries listed from token k on (step +1) or back (step -1), over commas and "and"."""
    toks, found = a.toks, []
    while 0 <= k < len(toks):
        o = a.taken[k]
        if isinstance(o, Mention) and o.kind == "country":
            found.append(o)
        elif toks[k].text not in (",", "and"):
            break
        k += step
    return found


def _is_country_word(word: str) -> bool:
    from orgkg import lexicon

    w = word[:1].upper() + word[1:]
    return w in lexicon.country_by_surface() or w in lexicon.country_by_adjective()


def _clauses(toks) -> list[range]:
    """A sentence cut at "while", "whereas", ";" so that each clause has its own signer."""
    cuts = [i for i, t in enumerate(toks) if t.lower in ("while", "whereas", ";")]
    bounds = [0, *cuts, len(toks)]
    return [range(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


# Cue phrases padded with spaces, to find whole words in SentenceAnalysis.padded.
# With each, its first word: a phrase can be in the text only if that word is among its words.
_ATTEND_CUES = tuple((c, f" {c} ", c.split()[0]) for c in V.ATTEND_CUES)
_HAPPEN_CUES = tuple(
    f" {w} "
    for w in (
        " took place",
        "take place",
        "takes place",
        "was held",
        "were held",
        "will be held",
        "is held",
        "gathered",
        "has started",
        "started",
        "opened",
        "kicked off",
        "is taking place",
        "convened",
        "hosts",
        "hosted",
    )
)


# Groups a post can lead: "a delegation of X headed by the Prime Minister"
_DELEGATION_WORDS = frozenset({"delegation", "delegations", "team", "mission"})


@dataclass
class _Ent:
    key: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    head: str = ""
    is_unit: bool = False
    confidence: float = 1.0
    last_sentence: int = -1
    count: int = 0


class ArticleExtractor:
    """Reads one article sentence by sentence and keeps its entities and facts."""

    def __init__(self, article: Article):
        self.article = article
        self.anchor = article.date
        self.ents: dict[str, _Ent] = {}
        self.facts: list[Fact] = []
        self._fact_keys: set[tuple] = set()
        self.by_mention: dict[int, str] = {}  # id(mention) -> entity key
        self.current_event: str | None = None
        self.current_agreement: str | None = None
        self.dateline_place: Mention | None = None
        self.acronyms: dict[str, str] = {}  # acronym -> full org name
        self.not_org_acronyms: set[str] = set()
        self.last_person: str | None = None
        self.signed_in: dict[str, tuple[str, Sentence]] = {}  # agreement -> (place, sentence)
        self.adoption: tuple[str, int] | None = None  # (event, sentence) where documents were adopted
        # "Minister X" in a story about a ministry: (person, post, former, sentence), decided once
        # the article's names for its ministries are merged ("Kazakh Labour Ministry" = "Ministry
        # of Labour and Social Protection of Kazakhstan")
        self.bare_ministers: list[tuple[str, str, bool, Sentence]] = []
        self.merged: dict[str, str] = {}  # entity key -> the key it was merged into

    # ------------------------------------------------------------------ entities
    def _ent(self, key: str, type_: str, name: str, span: Span, sent: Sentence, **kw) -> str:
        e = self.ents.get(key)
        if e is None:
            e = self.ents[key] = _Ent(key, type_, name, **kw)
        elif len(name) > len(e.name) and type_ not in ("Event", "Agreement"):
            e.aliases.add(e.name)
            e.name = name
        if name != e.name:
            e.aliases.add(name)
        e.mentions.append(span)
        e.last_sentence = sent.index
        e.count += 1
        return key

    def _span(self, sent: Sentence, m: Mention) -> Span:
        a, b = sent.toks[m.s].start, sent.toks[m.e - 1].end
        return Span(a, b, self.article.text[a:b])

    def _sent_span(self, sent: Sentence) -> Span:
        return Span(sent.start, sent.end, sent.text)

    def _fact(
        self,
        kind: str,
        subj: str | None,
        obj: str | None,
        sent: Sentence,
        rule: str,
        conf: float,
        role: str | None = None,
        current: bool = True,
    ) -> None:
        if not subj or not obj or subj == obj:
            return
        k = (kind, subj, obj, (role or "").lower())
        if k in self._fact_keys:
            return
        self._fact_keys.add(k)
        self.facts.append(Fact(kind, subj, obj, self._sent_span(sent), rule, conf, role, current))

    # ------------------------------------------------------------------ bodies
    def _org_key(self, m: Mention, sent: Sentence) -> str | None:
        if id(m) in self.by_mention:
            return self.by_mention[id(m)]
        if m.kind == "country":
            key = f"country:{m.key}"
            self.by_mention[id(m)] = self._ent(key, "Country", m.name, self._span(sent, m), sent)
            return key
        if m.kind != "org":
            return None
        name = _norm(m.name)
        if m.acronym:
            if m.text in self.not_org_acronyms:
                return None
            full = self.acronyms.get(m.text)
            key = f"org:{_singular(full)}" if full else f"org:{_singular(m.text)}"
        elif m.generic:
            key = self._resolve_generic_org(m)
            if key is None:
                if m.head not in V.SELF_NAMED_BODIES or not m.text[:1].isupper():
                    return None
                if m.head in V.PARLIAMENTARY_BODIES and m.s == 0:
                    return None  # "Opposition to the plan grew": any sentence opens capitalised
                key = f"org:{_singular(name)}"  # "the Senate", "Congress": a body named by its head alone
        else:
            key = f"org:{_singular(name)}"
        parent_key = self._org_key(m.parent, sent) if m.parent is not None else None
        if m.parent is not None and parent_key and not m.acronym:
            # An organ is the same whether named "EEC Board" or "Board of the EEC".
            local = _norm(m.name.replace(m.parent.text, " ").replace(" of the  ", " ").replace(" of  ", " "))
            local = re.sub(r"\s+(of|of the|'s)$", "", local).strip()
            if local and local.lower().split()[-1] in V.ORGAN_HEADS and m.parent.kind == "org":
                key = f"unit:{_singular(local)}|{parent_key}"
        key = self.by_mention[id(m)] = self._ent(
            key,
            "Organization",
            _norm(m.name),
            self._span(sent, m),
            sent,
            head=m.head,
            is_unit=parent_key is not None,
        )
        surface = _norm(m.text)
        if surface and surface != self.ents[key].name and surface.lower() != m.head:
            self.ents[key].aliases.add(surface)  # "Australian Government" beside "Government of Australia"
        if parent_key and m.parent.kind == "org" and not m.acronym:
            # "National Executive Committee of the Freedom Party": also "National Executive Committee"
            own = re.sub(rf"\s+of(\s+the)?\s+{re.escape(m.parent.text)}$", "", m.text)
            if own != m.text and len(own.split()) >= 2 and own.split()[-1].lower() in V.ORG_HEADS:
                self.ents[key].aliases.add(_norm(own))
        if parent_key and m.head != "government":
            # A country's government is the country acting, not a unit of it.
            conf = 0.85 if m.parent.kind == "org" else 0.75
            self._fact("sub_org", key, parent_key, sent, "organ-of-named-body", conf)
        return key

    def _resolve_generic_org(self, m: Mention) -> str | None:
        """ "the Commission", "the Assembly": the body with that head named in the article."""
        cands = [
            e
            for e in self.ents.values()
            if e.type == "Organization" and e.head == m.head and e.name.lower() != m.head
        ]
        if not cands:
            return None
        best = max(cands, key=lambda e: (e.count, e.last_sentence))
        return best.key

    # ------------------------------------------------------------------ people
    def _person_key(self, m: Mention, sent: Sentence) -> str:
        if id(m) in self.by_mention:
            return self.by_mention[id(m)]
        name = _norm(m.name)
        key = None
        words = name.split()
        if len(words) == 1:
            for e in self.ents.values():
                if e.type == "Person" and len(e.name.split()) > 1 and (e.name.split()[-1] == name):
                    key = e.key
                    break
        key = key or f"person:{name.lower()}"
        self.by_mention[id(m)] = self._ent(key, "Person", name, self._span(sent, m), sent)
        return key

    # ------------------------------------------------------------------ per sentence
    def run(self) -> Extraction:
        sents = sentences(self.article.text)
        for s in sents:
            for mt in _ACR_DEF.finditer(s.text):
                before = s.text[: mt.start()].rstrip()
                words = before.split()
                acr = mt.group(1)
                # The full name: as many trailing words as the acronym has letters (or a few more).
                for k in range(min(len(words), 12), 0, -1):
                    cand = " ".join(words[-k:])
                    if (
                        _initials(cand).startswith(acr.replace(".", "").upper()[:2])
                        and words[-k][:1].isupper()
                        and k >= len(acr.replace(".", "")) - 2
                    ):
                        self.acronyms[acr] = _norm(cand)
                        break
                else:
                    # Letters taken from inside the words: the shortest capitalised name that spells it.
                    for k in range(1, min(len(words), len(acr) + 2) + 1):
                        cand_words = [w.strip(",;:") for w in words[-k:]]
                        if cand_words[0][:1].isupper() and _abbreviates(acr, cand_words):
                            self.acronyms[acr] = _norm(" ".join(cand_words))
                            break
        known = set(self.acronyms)
        analyses = [SentenceAnalysis(s, known) for s in sents]
        # A second look at sentences that name someone by surname alone.
        owners: dict[str, set[str]] = {}
        for a in analyses:
            for p in a.persons:
                words = p.text.split()
                if len(words) > 1:
                    owners.setdefault(words[-1], set()).add(p.text)
        surnames = {w for w, names in owners.items() if len(names) == 1 and w[:1].isupper() and len(w) > 2}
        if surnames:
            for n, s in enumerate(sents):
                named = {i for p in analyses[n].persons for i in range(p.s, p.e)}
                if any(t.text in surnames and t.i not in named for t in s.toks):
                    analyses[n] = SentenceAnalysis(s, known, surnames)
        # Acronyms whose initials spell a full name in the same article.
        fulls: dict[str, str] = {}
        firsts: dict[str, set[str]] = {}
        for a in analyses:
            for m in a.orgs:
                if m.acronym:
                    continue
                name = _norm(m.name)
                # "Independent Commission Against Corruption": ICC or ICAC
                fulls.setdefault(_initials(name), name)
                fulls.setdefault(_initials(name, stop=False), name)
                first = name.split()[0]
                if len(name.split()) > 1 and a.toks[m.s].acronym and m.parent is None:
                    firsts.setdefault(first, set()).add(name)  # "AMR Corporation" ... "AMR"
        for a in analyses:
            for m in a.orgs:
                if m.acronym and m.text not in self.acronyms and m.text in fulls:
                    self.acronyms[m.text] = fulls[m.text]
                elif m.acronym and m.text not in self.acronyms and len(firsts.get(m.text, ())) == 1:
                    self.acronyms[m.text] = next(iter(firsts[m.text]))
        # An acronym given to a treaty or a meeting is not a body's.
        self.not_org_acronyms = {acr for acr, full in self.acronyms.items() if _names_document(full)}
        for a in analyses:
            if a.dateline_place is not None and self.dateline_place is None:
                self.dateline_place = a.dateline_place
                self.dateline_sent = a.sent
            self._sentence(a)
        self._finish(analyses)
        return self._extraction()

    def _sentence(self, a: SentenceAnalysis) -> None:
        sent = a.sent
        # bodies and countries
        for m in a.orgs:
            self._org_key(m, sent)
        for m in a.countries:
            if m.head != "adjective":
                self._org_key(m, sent)
        places = {}
        for m in a.places:
            places[id(m)] = self._ent(f"place:{m.key}", "Place", m.name, self._span(sent, m), sent)
            self.by_mention[id(m)] = places[id(m)]
        persons = [(m, self._person_key(m, sent)) for m in a.persons]
        named = list(persons)
        if self.last_person:
            # "he said", "she signed": the person last named.
            for t in a.toks:
                if t.lower not in ("he", "she"):
                    continue
                prev = a.toks[t.i - 1].lower if t.i > 0 else ""
                if prev == "as":
                    continue  # "As he said, the participants adopted ...": a speaker, not an actor
                if not any(m.s <= t.i < m.e for m, _ in persons):
                    persons.append((Mention("person", t.i, t.i + 1, t.text, name=t.text), self.last_person))
                    break
        self._roles(a, persons)
        self._under(a)
        dates = find_dates(sent.text, self.anchor)
        if a.dateline_place is not None:
            # "ALMATY, March 12 (Kazinform) –": the wire's date is not the event's.
            cut = next((t.start - sent.start for t in a.toks if t.text in ("–", "—", "-", ":")), 0)
            dates = [d for d in dates if d[0] > cut]
        cues = self._cues(a)
        events = self._events(a, cues, dates)
        agreements = self._agreements(a, cues)
        if (
            cues["sign"]
            and events
            and not a.words.isdisjoint(("documents", "agreements", "decisions", "instruments"))
        ):
            # "Eleven documents were adopted at the meeting": the list that follows was too
            self.adoption = (events[0][1], sent.index)
        self._event_facts(a, events, dates, persons, cues)
        self._agreement_facts(a, agreements, events, dates, persons, cues)
        if named:
            self.last_person = max(named, key=lambda mk: mk[0].s)[1]

    def _roles(self, a: SentenceAnalysis, persons: list[tuple[Mention, str]]) -> None:
        toks = a.toks
        role_at_end = {r.e: r for r in a.roles}
        role_at_start = {r.s: r for r in a.roles}
        for p, pkey in persons:
            attached: list[tuple[Mention, str, float]] = []
            # "Finance Minister X", "Minister of Y, X", "the EIC Chairman, Prime Minister of Z X"
            j = p.s
            while j > 0 and (
                a.title[j - 1] or toks[j - 1].text in ("'", "\u2019") and j > 1 and a.title[j - 2]
            ):
                j -= 1
            r = role_at_end.get(j) or (role_at_end.get(j - 1) if j > 0 and toks[j - 1].text == "," else None)
            if r is not None and not r.plural:
                # An appositive "X, Minister of Y," before this role belongs to X, not to this person.
                attached.append((r, "post-before-name", 0.9))
                k = r.s
                while k > 0:
                    if toks[k - 1].lower == "the":
                        k -= 1
                    sep = k - 1
                    if sep >= 0 and toks[sep].lower in (",", "and", "also"):
                        while sep > 0 and toks[sep - 1].lower in (",", "and", "also"):
                            sep -= 1
                        r2 = role_at_end.get(sep)
                        if (
                            r2 is not None
                            and not r2.plural
                            and not any(q.e == r2.s or q.e == r2.s - 1 for q, _ in persons)
                        ):
                            attached.append((r2, "post-list-before-name", 0.8))
                            k = r2.s
                            continue
                    break
            # "X, Chairman of the CIS Executive Committee,"
            if p.e + 1 < len(toks) and toks[p.e].text == ",":
                k = p.e + 1
                if k < len(toks) and toks[k].lower == "the":
                    k += 1
                r = role_at_start.get(k)
                # "X, Prime Minister of A Y": that post is Y's, said before Y's name.
                prenominal = r is not None and any(q.s in (r.e, r.e + 1) for q, _ in persons)
                if r is not None and not r.plural and not prenominal:
                    attached.append((r, "name-comma-post", 0.85))
            for n_, (r, rule, conf) in enumerate(attached):
                if not r.orgs and n_ > 0 and attached[0][0].orgs:
                    # "Additional Secretary, National Coordinator of Pakistan ...": the list shares its body
                    r.orgs = [o for o in attached[0][0].orgs if o.kind == "country"] or attached[0][0].orgs[
                        :1
                    ]
                    conf -= 0.1
                self._role_fact(a, pkey, r, rule, conf)

    def _role_fact(self, a: SentenceAnalysis, pkey: str, r: Mention, rule: str, conf: float) -> None:
        sent = a.sent
        orgs = list(r.orgs)
        if not orgs:
            # "a delegation of Uzbekistan headed by the Prime Minister X": the post is Uzbekistan's
            led = self._leading(a, r)
            if led is not None:
                okey = self._org_key(led, sent)
                if okey is not None:
                    self._fact(
                        "role",
                        pkey,
                        okey,
                        sent,
                        "post-leading-delegation",
                        conf - 0.15,
                        role=r.title,
                        current=not r.former,
                    )
                    return
            # "Minister X" in a story about a ministry: the ministry named in the article (not a
            # prime minister, who heads a government).
            if r.head == "minister" and not r.plural and "prime" not in r.title.lower().split():
                self.bare_ministers.append((pkey, r.title, r.former, sent))
            return
        # The most specific: a body named after the post, else the country/body before it.
        target = orgs[-1] if len(orgs) > 1 and orgs[-1].kind == "org" else orgs[0]
        if len(orgs) > 1 and orgs[0].kind == "org" and orgs[-1].kind == "country":
            target = orgs[0]
        okey = self._org_key(target, sent)
        if okey is None:
            return
        if target.kind == "country" and target.head == "adjective":
            conf -= 0.05
        title = r.title
        self._fact(
            "role", pkey, okey, sent, rule, conf - (0.1 if r.former else 0), role=title, current=not r.former
        )

    @staticmethod
    def _leading(a: SentenceAnalysis, r: Mention) -> Mention | None:
        """The country or body whose delegation a post "headed by"/"led by" leads: "a delegation
        of Uzbekistan headed by the Prime Minister", "the Kazakh delegation led by Minister"."""
        toks = a.toks
        k = r.s - (1 if r.s > 0 and toks[r.s - 1].lower == "the" else 0)
        if k < 3 or toks[k - 1].lower != "by" or toks[k - 2].lower not in ("headed", "led"):
            return None
        j = k - 2
        for m in sorted(a.countries + a.orgs, key=lambda m: -m.e):
            if (
                m.e <= j
                and j - m.e <= 1
                and any(toks[x].lower in _DELEGATION_WORDS for x in range(max(0, m.s - 4), min(j, m.e + 2)))
            ):
                return m
        return None

    def _under(self, a: SentenceAnalysis) -> None:
        toks = a.toks
        for m in a.orgs:
            k = m.e
            if k < len(toks) and toks[k].lower == "under":
                k += 1
                if k < len(toks) and toks[k].lower == "the":
                    k += 1
                owner = a.taken[k] if k < len(toks) else None
                if isinstance(owner, Mention):
                    parent = None
                    if owner.kind == "role" and owner.orgs:
                        parent = owner.orgs[-1]
                    elif owner.kind in ("org", "country"):
                        parent = owner
                    if parent is not None:
                        ck, pk = self._org_key(m, a.sent), self._org_key(parent, a.sent)
                        self._fact("sub_org", ck, pk, a.sent, "organ-under-body", 0.8)

    # ------------------------------------------------------------------ events
    def _cues(self, a: SentenceAnalysis) -> dict[str, bool]:
        low = a.padded
        return {
            "attend": self._attend_cue(a, low),
            "organize": not a.words.isdisjoint(V.ORGANIZE_VERBS),
            "sign": not a.words.isdisjoint(V.SIGN_VERBS) or " signatures " in low,
            "happen": any(w in low for w in _HAPPEN_CUES),
        }

    def _attend_cue(self, a: SentenceAnalysis, low: str) -> bool:
        """Took part / attended / participated ...; "addressed" only an event; not "invited to take part"."""
        toks = a.toks
        words = a.words
        for c, padded, first in _ATTEND_CUES:
            if first not in words:
                continue
            at = low.find(padded)
            if at < 0:
                continue
            before = low[max(0, at - 40) : at]
            if any(w in before for w in (" invited", " called on", " urged", " asked", " calls on")):
                continue
            if c.startswith("address"):
                i = len(low[:at].split())
                after = [x for x in toks[i + 1 : i + 5]]
                if not any(
                    isinstance(a.taken[x.i], Mention)
                    and a.taken[x.i].kind == "event"
                    or x.lower
                    in ("participants", "event", "meeting", "session", "summit", "forum", "conference")
                    for x in after
                ):
                    continue
            return True
        return " there were " in low or " there was " in low

    def _new_entity(self, type_: str, name: str, head: str, **extra) -> str:
        n = len([e for e in self.ents.values() if e.type == type_]) + 1
        key = f"{type_.lower()}:{n}"
        ent = _Ent(key, type_, name, head=head)
        for k, v in extra.items():
            setattr(ent, k, v)
        self.ents[key] = ent
        return key

    def _events(self, a: SentenceAnalysis, cues: dict[str, bool], dates) -> list[tuple[Mention, str]]:
        out = []
        for m in a.events:
            if m.plural:
                continue
            key = None
            fam = _family(m.head)
            if m.generic:
                indefinite = not m.definite
                key = None if indefinite else self._resolve_generic("Event", m)
                if key is None:
                    # A meeting with no name but with a date, a place, a host or attendees is still one.
                    if not (
                        indefinite
                        or dates
                        or a.places
                        or cues["attend"]
                        or cues["organize"]
                        or cues["happen"]
                    ):
                        continue
                    key = self._new_entity("Event", _norm(m.name), m.head, org=None, from_generic=True)
            else:
                org = m.parent
                okey = self._org_key(org, a.sent) if org is not None and org.kind == "org" else None
                for e in self.ents.values():
                    if e.type != "Event" or _family(e.head) != fam:
                        continue
                    if (okey and getattr(e, "org", None) == okey) or _norm(e.name).lower() == _norm(
                        m.name
                    ).lower():
                        key = e.key
                        break
                    caps_m, caps_e = _event_caps(m.name), _event_caps(e.name)
                    if caps_m and caps_e and (caps_m <= caps_e or caps_e <= caps_m):
                        # "annual expanded General Council meeting" = "Expanded General Council meeting of X"
                        key = e.key
                        if len(_norm(m.name)) > len(e.name):
                            e.aliases.add(e.name)
                            e.name = _norm(m.name)
                        break
                    if (
                        getattr(e, "from_generic", False)
                        and not getattr(e, "org", None)
                        # "a meeting" ... "the first session of the task force": another one
                        and not any(is_ordinal(w.lower()) for w in m.name.split())
                    ):
                        # "their first-ever joint meeting" ... "the joint ministerial meeting of ASEAN"
                        key = e.key
                        e.aliases.add(e.name)
                        e.name = _norm(m.name)
                        e.org = okey  # type: ignore[attr-defined]
                        e.from_generic = False  # type: ignore[attr-defined]
                        break
                if key is None:
                    key = self._new_entity("Event", _norm(m.name), m.head, org=okey, from_generic=False)
            e = self.ents[key]
            body = self.article.body_start
            if (
                not m.generic
                and e.mentions
                and all(sp.start < body for sp in e.mentions)
                and a.sent.start >= body > 0
            ):
                # the body names it in full; the headline's short name becomes an alias
                e.aliases.add(e.name)
                e.name = _norm(m.name)
            elif not m.generic and _norm(m.name) != e.name:
                e.aliases.add(_norm(m.name))
            e.mentions.append(self._span(a.sent, m))
            e.last_sentence = a.sent.index
            e.count += 1
            self.by_mention[id(m)] = key
            self.current_event = key
            out.append((m, key))
        return out

    def _resolve_generic(self, type_: str, m: Mention) -> str | None:
        """ "the meeting", "the document": the most salient entity of that kind so far."""
        cands = [e for e in self.ents.values() if e.type == type_]
        if not cands:
            return None
        fam = _family(m.head)
        same = [e for e in cands if _family(e.head) == fam]
        if type_ == "Agreement" and m.head in ("document", "documents", "it"):
            same = cands
        # "the event", "the conference" with none of that kind yet: the story's main event.
        pool = same or (cands if type_ == "Agreement" or m.definite else [])
        if not pool:
            return None
        return max(pool, key=lambda e: (e.count, e.last_sentence)).key

    def _event_facts(self, a, events, dates, persons, cues) -> None:
        sent, toks = a.sent, a.toks
        target = events[0][1] if events else None
        if target is None and cues["attend"] and self.current_event and not a.agreements:
            target = self.current_event
        if target is None:
            return
        if cues["attend"] and len(events) > 1:
            # "headed by X, which came to attend a meeting of Y": the event the verb governs
            for i, t in enumerate(toks):
                if t.lower in ("attend", "attended", "attending", "participate", "participated", "part"):
                    nxt = [k for m, k in events if 0 < m.s - i <= 4]
                    if nxt:
                        target = nxt[0]
                        break
        if cues["attend"]:
            stop = len(toks)
            for i, t in enumerate(toks):
                if t.lower in ("according", "while") and i > 0:
                    stop = i
                    break
            governed = target
            for p, pkey in persons:
                if p.s < stop:
                    own = governed
                    if len(events) > 1 and governed == events[0][1]:
                        # with two events and no verb to tell, a person goes to the nearer one
                        own = min(events, key=lambda mk: min(abs(mk[0].s - p.e), abs(p.s - mk[0].e)))[1]
                    target = own
                    self._fact("attended", target, pkey, sent, "attend-cue", 0.8)
                    for f in list(self.facts):
                        if (
                            f.kind == "role"
                            and f.current
                            and f.subject == pkey
                            and f.evidence.start == sent.start
                        ):
                            # the country of the post, or of the organ it is in ("Premier of
                            # the State Council of China")
                            country = f.object if f.object.startswith("country:") else None
                            if country is None:
                                country = next(
                                    (
                                        g.object
                                        for g in self.facts
                                        if g.kind == "sub_org"
                                        and g.subject == f.object
                                        and g.object.startswith("country:")
                                        and g.evidence.start == sent.start
                                    ),
                                    None,
                                )
                            if country is not None:
                                self._fact("attended", target, country, sent, "attendee-country", 0.7)
            target = governed
            # "Azerbaijani, Turkmen and Uzbek deputy prime ministers"
            for r in a.roles:
                if r.plural and r.orgs:
                    # "the Prime Ministers of Armenia, Belarus and Kazakhstan",
                    # "Azerbaijani, Turkmen and Uzbek deputy prime ministers"
                    listed = [o for o in r.orgs if o.kind == "country"]
                    listed += _country_list(a, r.e, +1) + _country_list(a, r.s - 1, -1)
                    for o in listed:
                        key = self._org_key(o, sent)
                        self._fact("attended", target, key, sent, "plural-post-country", 0.6)
        # organiser
        for m, key in events:
            org = getattr(self.ents[key], "org", None)
            if org and not m.generic:
                self._fact("organizer", key, org, sent, "event-of-body", 0.75)
        verb_i = next((i for i, t in enumerate(toks) if t.lower in V.ORGANIZE_VERBS), None)
        if verb_i is not None:
            after_by = verb_i + 1 < len(toks) and toks[verb_i + 1].lower == "by"
            for m in a.orgs + a.countries:
                if m.head == "adjective" or self._is_part(m, a):
                    continue
                key = self._org_key(m, sent)
                if after_by and m.s > verb_i and m.s <= verb_i + 4:
                    self._fact("organizer", target, key, sent, "held-by", 0.85)
                elif (
                    not after_by
                    and m.e <= verb_i
                    and verb_i - m.e <= 3
                    and events
                    and events[0][0].s > verb_i
                ):
                    # "the Assembly held a meeting"; "Kazakhstan hosts the summit"; a city host is a place.
                    self._fact("organizer", events[0][1], key, sent, "body-held-event", 0.85)
        # date: each date goes to the nearest event mention
        for ds, _de, dv in dates:
            if events:
                m, key = min(events, key=lambda mk: abs(sent.toks[mk[0].s].start - sent.start - ds))
            elif target and cues["happen"]:
                key = target
            else:
                continue
            ent = self.ents[key]
            if getattr(ent, "date", None):
                continue
            ent.date = dv  # type: ignore[attr-defined]
            self._fact(
                "event_date",
                key,
                dv.iso,
                sent,
                "date-in-event-sentence" if events else "date-of-current-event",
                0.8 if events else 0.6,
            )
        # "The meeting has started in Tashkent": a report of now is dated by the article
        low = a.padded
        if (
            events
            and not dates
            and self.anchor
            and any(
                w in low
                for w in (
                    " has started ",
                    " have started ",
                    " is taking place ",
                    " opened today ",
                    " is being held ",
                    " kicked off today ",
                    " opens today ",
                    " today ",
                )
            )
        ):
            ent = self.ents[events[0][1]]
            if not getattr(ent, "date", None):
                ent.date = DateValue(self.anchor.isoformat(), "day")  # type: ignore[attr-defined]
                self._fact("event_date", events[0][1], self.anchor.isoformat(), sent, "reported-as-now", 0.5)
        # place: a city named in the sentence (not one travelled from)
        tgt = events[0][1] if events else (target if cues["happen"] else None)
        if tgt:
            for m in a.places:
                if m.s > 0 and toks[m.s - 1].lower == "from":
                    continue
                self._fact("event_location", tgt, self.by_mention[id(m)], sent, "city-in-event-sentence", 0.8)
                break
            else:
                for m in a.countries:
                    if m.head == "adjective" or self._is_part(m, a):
                        continue
                    if m.s > 0 and toks[m.s - 1].lower == "in" and (cues["happen"] or cues["organize"]):
                        self._fact("event_location", tgt, self._org_key(m, sent), sent, "in-country", 0.6)
                        break

    # ------------------------------------------------------------------ agreements
    def _agreements(self, a: SentenceAnalysis, cues) -> list[tuple[Mention | None, str]]:
        out = []
        signing = cues["sign"]
        for m in a.agreements:
            if m.plural and not signing:
                continue
            if m.head in V.WEAK_AGREEMENT_HEADS and m.generic and not m.definite:
                continue
            if m.head in ("statement",) and not (m.text[:1].isupper() or "joint" in m.text.lower()):
                continue
            key = None
            if m.generic and m.definite:
                key = self._resolve_generic("Agreement", m)
            if key is None:
                if m.generic and not signing:
                    continue
                key = self._same_agreement(m)
            if key is None:
                key = self._new_entity("Agreement", _norm(m.name), _family(m.head))
            e = self.ents[key]
            if not m.generic and _norm(m.name) != e.name:
                if len(_norm(m.name)) > len(e.name) and a.sent.index > 0:
                    e.aliases.add(e.name)
                    e.name = _norm(m.name)
                else:
                    e.aliases.add(_norm(m.name))
            e.mentions.append(self._span(a.sent, m))
            e.last_sentence = a.sent.index
            e.count += 1
            self.by_mention[id(m)] = key
            self.current_agreement = key
            out.append((m, key))
        # "the document was signed by ...", "the signing took place during ..."
        if (
            not out
            and self.current_agreement
            and (signing and not a.words.isdisjoint(("document", "it")) or "signing" in a.words)
        ):
            out.append((None, self.current_agreement))
        return out

    def _same_agreement(self, m: Mention) -> str | None:
        """An earlier agreement of the same kind whose title does not tell it apart."""
        words = _topic_words(m.name)
        for e in self.ents.values():
            if e.type != "Agreement" or e.head != _family(m.head):
                continue
            other = _topic_words(e.name)
            if words <= other or other <= words:
                return e.key
        return None

    def _agreement_facts(self, a, agreements, events, dates, persons, cues) -> None:
        if not agreements:
            return
        low = a.padded
        if (
            not cues["sign"]
            and self.adoption
            and a.sent.index - self.adoption[1] <= 2
            and any(w in low for w in (" among them ", " including ", " these are ", " among which "))
        ):
            for m, k in agreements:
                if m is not None:
                    self._fact("signed_at", k, self.adoption[0], a.sent, "listed-after-adoption", 0.55)
        sent, toks = a.sent, a.toks
        # parties named in the agreement's own phrase: "between X and Y", "with X"
        for m, k in agreements:
            if m is None:
                continue
            for i in range(m.s, m.e):
                if toks[i].lower in ("between", "with"):
                    for o in a.orgs + a.countries:
                        if m.s < o.s < m.e and o.s > i and o.head != "adjective" and not self._is_part(o, a):
                            ok = self._org_key(o, sent)
                            if ok:
                                self._fact("party", k, ok, sent, "between-parties", 0.85)
                    break
        if not cues["sign"]:
            return
        for clause in _clauses(toks):
            self._signing_clause(a, clause, agreements, events, dates, persons)

    def _signing_clause(self, a, clause: range, agreements, events, dates, persons) -> None:
        sent, toks = a.sent, a.toks
        sign_i = next(
            (
                i
                for i in clause
                if (toks[i].lower in V.SIGN_VERBS or toks[i].lower == "signatures")
                and not (
                    i + 1 < len(toks)
                    and isinstance(a.taken[i + 1], Mention)
                    and a.taken[i + 1].kind == "agreement"
                    and toks[i].lower == "signed"
                )
            ),
            None,
        )
        if sign_i is None:
            return
        # the agreement of this clause: named in it, else the sentence's last one before it
        own = [(m, k) for m, k in agreements if m is not None and m.s in clause]
        if not own:
            own = [(m, k) for m, k in agreements if m is None or m.s < clause.start][-1:]
        if not own:
            return
        key = min(own, key=lambda mk: abs((mk[0].s if mk[0] is not None else sign_i) - sign_i))[1]
        inside = set()
        for m, _ in agreements:
            if m is not None:
                inside.update(range(m.s, m.e))
                # "the Memorandum of the 55th Annual Conference": the event is what it is about
                j = (
                    m.e + 3
                    if m.e + 2 < len(toks) and toks[m.e].text == "(" and toks[m.e + 2].text == ")"
                    else m.e
                )
                j = j + 1 if j < len(toks) and toks[j].lower in ("of", "for") else None
                if j is not None and j < len(toks) and toks[j].lower == "the":
                    j += 1
                inside.update(x for em, _ in events if em.s == j for x in range(em.s, em.e))
        aux = ("was", "were", "been", "be", "is", "are")
        by_at = next((x for x in range(sign_i, min(clause.stop, sign_i + 9)) if toks[x].lower == "by"), None)
        passive = (
            by_at is not None
            and (by_at - sign_i <= 2 or any(toks[x].lower in aux for x in range(sign_i, by_at)))
        ) or any(toks[x].lower in aux for x in range(max(clause.start, sign_i - 3), sign_i))
        # "the Treaty ... signed between the member states": a description, not this signing
        prev_owner = a.taken[sign_i - 1] if sign_i > 0 else None
        reduced = (
            toks[sign_i].lower == "signed"
            and sign_i > 0
            and not any(
                toks[x].lower in aux + ("has", "have", "had") for x in range(max(0, sign_i - 3), sign_i)
            )
            and (
                (isinstance(prev_owner, Mention) and prev_owner.kind == "agreement")
                or (prev_owner is None and toks[sign_i - 1].cap)
            )
        )
        # "Signing the MoU were X and Y"
        lead = (
            sign_i <= clause.start + 1
            and toks[sign_i].lower == "signing"
            and any(
                toks[x].lower in ("were", "was") for x in range(sign_i + 1, min(clause.stop, sign_i + 12))
            )
        )
        noun = sign_i > 0 and toks[sign_i - 1].lower in ("the", "a", "its", "this", "their", "of")
        for o in a.orgs + a.countries:
            if o.s not in clause or o.s in inside or o.head == "adjective" or self._is_part(o, a):
                continue
            if self._in_role(o, a):
                continue
            between = [x for x in range(sign_i, o.s) if toks[x].lower == "between"]
            behalf = any(toks[x].lower == "behalf" for x in range(max(clause.start, o.s - 3), o.s)) or (
                bool(between) and o.s - between[-1] <= 8
            )
            pre = (
                o.e <= sign_i
                and not passive
                and all(
                    toks[x].lower
                    in (
                        ",",
                        "and",
                        "the",
                        "today",
                        "have",
                        "has",
                        "put",
                        "their",
                        "jointly",
                        "also",
                        "on",
                        "to",
                        "will",
                        "(",
                        ")",
                    )
                    or isinstance(a.taken[x], Mention)
                    and a.taken[x].kind in ("org", "country")
                    for x in range(o.e, sign_i)
                )
            )
            # the passive's agent: "signed by the government of X and the EEC"
            by = (
                passive
                and by_at is not None
                and o.s > by_at
                and all(
                    toks[x].lower in ("the", "and", ",")
                    or (isinstance(a.taken[x], Mention) and a.taken[x].kind in ("org", "country"))
                    for x in range(by_at + 1, o.s)
                )
            )
            if pre or by or behalf:
                rule = "on-behalf-of" if behalf else "signed-by-body" if by else "body-signed"
                self._fact("party", key, self._org_key(o, sent), sent, rule, 0.8)
        for p, pkey in persons:
            if p.s not in clause:
                continue
            if lead and p.s > sign_i:
                rule = "signing-were"
            elif passive and p.s > sign_i:
                rule = "signed-by-person"
            elif not passive and not noun and p.e <= sign_i and sign_i - p.e <= 12:
                rule = "person-signed"
            else:
                continue
            self._fact("signatory", key, pkey, sent, rule, 0.8)
        if reduced:
            return
        in_clause = [
            d
            for d in dates
            if sent.start + d[0] >= toks[clause.start].start
            and sent.start + d[0] <= toks[clause.stop - 1].end
        ]
        # "..., which was signed one day earlier": the date after the verb is the signing date
        verb_at = toks[sign_i].start - sent.start
        in_clause.sort(key=lambda d: (d[0] < verb_at, abs(d[0] - verb_at)))
        if in_clause:
            self._fact("agreement_date", key, in_clause[0][2].iso, sent, "date-in-signing-clause", 0.8)
        elif self.anchor and any(
            toks[x].lower in ("today", "has", "have")
            for x in range(max(clause.start, sign_i - 3), sign_i + 1)
        ):
            self._fact("agreement_date", key, self.anchor.isoformat(), sent, "signed-today", 0.6)
        for p in a.places:
            if p.s in clause and p.s > 0 and toks[p.s - 1].lower == "in":
                self.signed_in.setdefault(key, (self.by_mention[id(p)], sent))
        # the event it was signed at: not one named inside the agreement's own title
        outside = [(m, k) for m, k in events if m.s not in inside]
        ev = [k for m, k in outside if m.s in clause] or [k for _, k in outside]
        if not ev and self.adoption and a.sent.index - self.adoption[1] <= 2:
            ev = [self.adoption[0]]
        if ev:
            self._fact("signed_at", key, ev[0], sent, "signed-at-event", 0.75)
            for m, k in own:
                if k != key and m is not None:
                    self._fact("signed_at", k, ev[0], sent, "signed-at-event", 0.7)

    def _in_role(self, o: Mention, a: SentenceAnalysis) -> bool:
        """A body named in a post ("Minister of X", "Chief of the IOM Mission") is no signer itself."""
        return any(o in r.orgs for r in a.roles)

    def _is_part(self, o: Mention, a: SentenceAnalysis) -> bool:
        """A body or country named inside another body's name is not an actor of its own."""
        return any(
            m is not o and m.kind == "org" and m.s <= o.s and o.e <= m.e and m.parent is o for m in a.orgs
        )

    # ------------------------------------------------------------------ article level
    def _finish(self, analyses: list[SentenceAnalysis]) -> None:
        self._merge_org_variants()
        self._drop_persons_named_as_bodies()
        self._merge_person_variants()
        self._ministers()
        self._merge_headline("Event")
        self._merge_headline("Agreement")
        self._from_signing()
        # The dateline's city, for an event placed nowhere else (a signing's place comes first).
        if self.dateline_place is not None:
            for e in self.ents.values():
                if e.type == "Event" and not any(
                    f.kind == "event_location" and f.subject == e.key for f in self.facts
                ):
                    m = self.dateline_place
                    key = self._ent(
                        f"place:{m.key}",
                        "Place",
                        m.name,
                        self._span(self.dateline_sent, m),
                        self.dateline_sent,
                    )
                    self._fact("event_location", e.key, key, self.dateline_sent, "dateline-place", 0.5)
                    break
        signed_at = {f.subject: (f.object, f.evidence) for f in self.facts if f.kind == "signed_at"}
        for f in list(self.facts):
            if f.kind == "signatory" and f.subject in signed_at:
                ev, span = signed_at[f.subject]
                self.facts.append(Fact("attended", ev, f.object, span, "signatory-at-event", 0.6))
        dated = {f.subject for f in self.facts if f.kind == "agreement_date"}
        for f in list(self.facts):
            if f.kind == "signed_at" and f.subject not in dated:
                dv = getattr(self.ents.get(f.object), "date", None)
                if dv is not None:
                    self.facts.append(
                        Fact("agreement_date", f.subject, dv.iso, f.evidence, "date-of-signing-event", 0.6)
                    )
                    dated.add(f.subject)
        # Aliases of bodies: their acronyms.
        for acr, full in self.acronyms.items():
            k1, k2 = f"org:{_singular(full)}", f"org:{_singular(acr)}"
            if k1 in self.ents:
                self.ents[k1].aliases.add(acr)
            if k2 in self.ents and k1 in self.ents:
                self._merge(k2, k1)

    def _from_signing(self) -> None:
        """An event where an agreement was signed took place when and where it was signed;
        documents adopted at a body's meeting without parties of their own are that body's."""
        has = {(f.kind, f.subject) for f in self.facts}
        parents = {f.subject: f.object for f in self.facts if f.kind == "sub_org"}
        for f in list(self.facts):
            if f.kind != "signed_at":
                continue
            ag, ev = f.subject, f.object
            for d in [g for g in self.facts if g.kind == "agreement_date" and g.subject == ag][:1]:
                if ("event_date", ev) not in has:
                    self._fact("event_date", ev, d.object, d.evidence, "date-of-signing", 0.55)
                    has.add(("event_date", ev))
            if ag in self.signed_in and ("event_location", ev) not in has:
                place, sent = self.signed_in[ag]
                self._fact("event_location", ev, place, sent, "place-of-signing", 0.55)
                has.add(("event_location", ev))
            if (
                ("party", ag) not in has
                and f.rule == "listed-after-adoption"
                or (("party", ag) not in has and toks_adopted(f))
            ):
                org = getattr(self.ents.get(ev), "org", None)
                if org:
                    top = org
                    while top in parents and parents[top].startswith(("org:", "unit:")):
                        top = parents[top]
                    self._fact("party", ag, top, f.evidence, "adopted-by-body", 0.5)

    def _drop_persons_named_as_bodies(self) -> None:
        """A name the article uses for a body ("an Irish Green Left politician") is no person
        where it stands after a post ("Deputy Leader of Green Left")."""
        bodies = set()
        for e in self.ents.values():
            if e.type == "Organization":
                bodies |= {_norm(x).lower() for x in (e.name, *e.aliases)}
        for e in list(self.ents.values()):
            if e.type == "Person" and _norm(e.name).lower() in bodies:
                del self.ents[e.key]
                self.facts = [f for f in self.facts if e.key not in (f.subject, f.object)]

    def _merge_person_variants(self) -> None:
        """ "Ross Alger" and "Ross Patterson Alger": the same first and last name, one person."""
        people = sorted((e for e in self.ents.values() if e.type == "Person"), key=lambda e: -len(e.name))
        for short in reversed(people):
            ws = short.name.replace(".", " ").split()
            if len(ws) < 2 or short.key not in self.ents:
                continue
            for long in people:
                wl = long.name.replace(".", " ").split()
                if long is short or long.key not in self.ents or len(wl) <= len(ws):
                    continue
                if ws[0] == wl[0] and ws[-1] == wl[-1] and all(w in wl for w in ws):
                    self._merge(short.key, long.key)
                    break

    def _merge_headline(self, type_: str) -> None:
        """A headline's "meeting"/"memorandum" is the one the body tells of, named in full there."""
        body_start = self.article.body_start
        ents = [e for e in self.ents.values() if e.type == type_]
        for e in ents:
            if e.key not in self.ents or not e.mentions or any(sp.start >= body_start for sp in e.mentions):
                continue
            if body_start == 0:
                return
            same = [
                o
                for o in ents
                if o is not e
                and o.key in self.ents
                and _family(o.head) == _family(e.head)
                and any(sp.start >= body_start for sp in o.mentions)
            ]
            if same:
                target = max(same, key=lambda o: o.count)
                self._merge(e.key, target.key)

    def _merge_org_variants(self) -> None:
        """One body under two names in an article.

        "Kazakh Labour Ministry" and "Ministry of Labour and Social Protection of Kazakhstan"."""
        parents: dict[str, set[str]] = {}
        for f in self.facts:
            if f.kind == "sub_org":
                parents.setdefault(f.subject, set()).add(f.object)
        orgs = [e for e in self.ents.values() if e.type == "Organization" and len(e.name.split()) > 1]
        for small in sorted(orgs, key=lambda e: len(e.name)):
            for big in sorted(orgs, key=lambda e: -len(e.name)):
                if small.key == big.key or small.key not in self.ents or big.key not in self.ents:
                    continue
                if small.head != big.head or len(big.name) <= len(small.name):
                    continue
                ps, pb = parents.get(small.key), parents.get(big.key)
                ws, wb = _content_words(small.name), _content_words(big.name)
                if ps and ps == pb:
                    # "Kazakh Labour Ministry" / "Ministry of Labour and Social Protection of Kazakhstan"
                    ws = {w for w in ws if not _is_country_word(w)}
                    if ws and ws <= wb:
                        self._merge(small.key, big.key)
                elif not ps and big.name.lower().endswith(small.name.lower()):
                    # "the Intergovernmental Council" after "the Eurasian Intergovernmental Council"
                    self._merge(small.key, big.key)
                elif ws == wb and (not ps or not pb or ps == pb):
                    # "Lisbon Congress" and "Congress of Lisbon": the same words, reordered
                    self._merge(small.key, big.key)
        # "Heads of State Council" (a headline) and "SCO Heads of States Council": an organ
        # named without its body is the one organ of that name the article places in a body.
        units: dict[str, list[str]] = {}
        for e in orgs:
            if e.key.startswith("unit:") and e.key in self.ents:
                units.setdefault(e.key[len("unit:") :].split("|", 1)[0], []).append(e.key)
        for e in orgs:
            if e.key.startswith("org:") and e.key in self.ents and not parents.get(e.key):
                same = units.get(e.key[len("org:") :], [])
                if len(same) == 1 and same[0] in self.ents:
                    self._merge(e.key, same[0])

    def _ministers(self) -> None:
        """ "Minister X" in a story about one ministry holds the post in it."""
        cands = [
            e
            for e in self.ents.values()
            if e.type == "Organization" and e.head == "ministry" and e.name.lower() != "ministry"
        ]
        if len(cands) != 1:
            return
        for pkey, title, former, sent in self.bare_ministers:
            while pkey in self.merged:
                pkey = self.merged[pkey]
            if pkey in self.ents:
                self._fact(
                    "role",
                    pkey,
                    cands[0].key,
                    sent,
                    "bare-post-in-ministry",
                    0.6,
                    role=title,
                    current=not former,
                )

    def _merge(self, old: str, new: str) -> None:
        self.merged[old] = new
        e_old, e_new = self.ents.pop(old), self.ents[new]
        e_new.aliases |= e_old.aliases | {e_old.name}
        e_new.mentions += e_old.mentions
        e_new.count += e_old.count
        for e in self.ents.values():
            if getattr(e, "org", None) == old:
                e.org = new  # type: ignore[attr-defined]  # an event's organizing body
        for f in self.facts:
            if f.subject == old:
                f.subject = new
            if f.object == old:
                f.object = new

    def _extraction(self) -> Extraction:
        ents: dict[str, Entity] = {}
        used = {f.subject for f in self.facts} | {f.object for f in self.facts}
        for k, e in self.ents.items():
            if e.type == "Person" and len(e.name.split()) == 1 and k not in used and e.count < 2:
                continue
            aliases = {x for x in e.aliases if x and x != e.name}
            ents[k] = Entity(k, e.type, e.name, aliases, e.mentions, e.confidence, e.is_unit)
        best: dict[tuple, Fact] = {}
        for f in self.facts:
            if (
                f.subject not in ents
                or not (f.kind.endswith("_date") or f.object in ents)
                or f.subject == f.object
            ):
                continue
            k = (f.kind, f.subject, f.object, (f.role or "").lower())
            if k not in best or f.confidence > best[k].confidence:
                best[k] = f
        facts = list(best.values())
        return Extraction(self.article, ents, facts)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while one article is read (and back on after).

    An article makes tens of thousands of short-lived objects (tokens, mentions, spans) and
    almost none outlives it. With the collector on, those alive at a collection are promoted,
    and the older generations are then scanned again together with every long-lived object
    of the process (spaCy's vocabulary, the gazetteer, ...): a fifth to a quarter of the
    extraction time. Reference counting frees these objects anyway; a cycle, if any, is
    collected after the article. A caller that turned the collector off keeps it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def extract(article: Article) -> Extraction:
    """Every entity and fact the article states, with evidence."""
    with _gc_paused():
        return date_tenures(ArticleExtractor(article).run())


__all__ = ["extract", "DateValue"]
