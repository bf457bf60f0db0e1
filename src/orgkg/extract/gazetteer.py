"""Country, nationality-adjective and city look-up over token sequences."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from orgkg import lexicon
from orgkg.extract.tokens import Tok, merge_tokens, nlp


@dataclass(frozen=True, slots=True)
class GazHit:
    """A gazetteer match: tokens [start, end) of a sentence."""

    start: int
    end: int
    kind: str  # "country", "adjective" or "city"
    name: str  # canonical name (country or city)
    key: str  # iso2 for countries and adjectives, city name for cities
    ambiguous: bool = False


class Gazetteer:
    """Longest-match look-up of multi-word surfaces, indexed by first token."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str, str, str, bool]]] = {}
        tok = nlp().tokenizer
        countries = lexicon.country_by_surface()
        for surface, c in countries.items():
            self._add(tok, surface, "country", c.name, c.iso2, False)
        for surface, c in lexicon.country_by_adjective().items():
            if surface in countries:
                continue
            self._add(tok, surface, "adjective", c.name, c.iso2, False)
        for surface, city in lexicon.city_by_surface().items():
            if surface in countries or surface in lexicon.country_by_adjective():
                continue
            self._add(tok, surface, "city", city.name, city.name, city.ambiguous)
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def _add(self, tok, surface: str, kind: str, name: str, key: str, ambiguous: bool) -> None:
        words = tuple(x for x, _, _ in merge_tokens(tok(surface), 0))
        if not words or not words[0][:1].isupper():
            return
        self._index.setdefault(words[0], []).append((words, kind, name, key, ambiguous))

    def match(self, toks: tuple[Tok, ...]) -> list[GazHit]:
        """Every longest non-overlapping match, left to right."""
        hits: list[GazHit] = []
        n = len(toks)
        texts = tuple([t.text for t in toks])
        free = 0  # the first token not inside a hit
        # Every surface starts with a capital (see _add), in capitals too ("DUSHANBE"):
        # only capitalised tokens can start a match.
        for i in [i for i, t in enumerate(toks) if t.cap]:
            if i < free:
                continue
            best = None
            first = texts[i]
            # A dateline or headline in capitals ("DUSHANBE") still names the city.
            shout = first.isupper() and len(first) > 3
            entries = self._index.get(first) or (self._index.get(first.title(), ()) if shout else ())
            for words, kind, name, key, amb in entries:
                k = len(words)
                if i + k <= n and (
                    texts[i : i + k] == words
                    or shout
                    and all(texts[i + j] == words[j] or texts[i + j].title() == words[j] for j in range(k))
                ):
                    # "Georgia" or "Jordan" followed by a capitalised word may be a name.
                    best = GazHit(i, i + k, kind, name, key, amb)
                    break
            if best:
                hits.append(best)
                free = best.end
        return hits


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
