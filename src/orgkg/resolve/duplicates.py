"""Suspected duplicates: pairs of nodes that may be one person or one body, with the
evidence for and against, for a person to decide (``orgkg entities --duplicates``).

The resolver merges only on evidence (the same name up to spelling, one candidate for an
initial or an acronym). What it left apart but looks alike is listed here: two people with
one surname and given names that fit, or the same post in the same body; two bodies where
one name abbreviates the other, or whose names differ only in spelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from orgkg.resolve.acronyms import abbreviates, is_acronym
from orgkg.resolve.identity import _given_names_fit, person_key

ENTITIES = """
SELECT DISTINCT ?s ?kind ?name ?pref WHERE {
  { ?s a foaf:Person BIND("Person" AS ?kind) } UNION { ?s a org:Organization BIND("Organization" AS ?kind) }
  { ?s rdfs:label ?name BIND(1 AS ?pref) } UNION { ?s skos:altLabel ?name BIND(0 AS ?pref) }
}"""
POSTS = """
SELECT DISTINCT ?person ?org ?orgName ?role WHERE {
  ?m org:member ?person ; org:organization ?org ; org:role ?r .
  ?r rdfs:label ?role . ?org rdfs:label ?orgName .
}"""
PARENTS = "SELECT DISTINCT ?c ?p WHERE { ?c org:subOrganizationOf ?p }"
APART = "SELECT DISTINCT ?a ?b WHERE { ?a owl:differentFrom ?b }"


@dataclass
class Suspect:
    """Two nodes that may be one entity."""

    kind: str
    a: str
    b: str
    a_label: str
    b_label: str
    evidence_for: list[str] = field(default_factory=list)
    evidence_against: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        """More for than against: a rough order for review (0-1)."""
        n = len(self.evidence_for) + len(self.evidence_against)
        return round(len(self.evidence_for) / n, 2) if n else 0.0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bthe\b", " ", text)
    text = text.replace("isation", "ization").replace("-", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def find_duplicates(run: Callable[[str], list[tuple]]) -> list[Suspect]:
    """Suspected duplicates in a graph; ``run`` takes SPARQL and returns rows of RDF terms."""
    names: dict[str, set[str]] = defaultdict(set)
    label: dict[str, str] = {}
    kind: dict[str, str] = {}
    for s, k, name, pref in run(ENTITIES):
        s, name = str(s), str(name)
        names[s].add(name)
        kind[s] = str(k)
        if str(pref) == "1":
            label.setdefault(s, name)
    posts: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for person, org, org_name, role in run(POSTS):
        posts[str(person)].add((str(org), str(org_name), str(role).lower()))
    related = {frozenset((str(c), str(p))) for c, p in run(PARENTS)}
    apart = {frozenset((str(a), str(b))) for a, b in run(APART)}
    out = _people([s for s in kind if kind[s] == "Person"], names, label, posts)
    out += _bodies([s for s in kind if kind[s] == "Organization"], names, label, related)
    out = [x for x in out if frozenset((x.a, x.b)) not in apart]
    return sorted(out, key=lambda x: (-x.score, x.kind, x.a_label, x.b_label))


def _people(nodes, names, label, posts) -> list[Suspect]:
    by_surname: dict[str, list[str]] = defaultdict(list)
    for s in nodes:
        words = person_key(label.get(s, min(names[s]))).split()
        if len(words) > 1:
            by_surname[words[-1]].append(s)
    out = []
    for surname, group in by_surname.items():
        for a, b in combinations(sorted(group), 2):
            ga = person_key(label.get(a, "")).split()[:-1]
            gb = person_key(label.get(b, "")).split()[:-1]
            x = Suspect("Person", a, b, label.get(a, a), label.get(b, b), [f"the same surname ({surname})"])
            fit = _given_names_fit(ga, gb)
            if fit:
                x.evidence_for.append(f"given names fit ({' '.join(ga)} / {' '.join(gb)})")
                others = [
                    label[c]
                    for c in group
                    if c not in (a, b) and _given_names_fit(person_key(label.get(c, "")).split()[:-1], ga)
                ]
                if others:
                    x.evidence_against.append(f"others fit too: {', '.join(sorted(others))}")
            else:
                x.evidence_against.append(f"different given names ({' '.join(ga)} / {' '.join(gb)})")
            same_posts = {(o, n, r) for o, n, r in posts[a] & posts[b]}
            shared_bodies = {n for _, n, _ in posts[a]} & {n for _, n, _ in posts[b]}
            if same_posts:
                o, n, r = sorted(same_posts)[0]
                x.evidence_for.append(f"the same post: {r} of {n}")
            elif shared_bodies:
                x.evidence_for.append(f"posts in the same body: {sorted(shared_bodies)[0]}")
            if fit or same_posts:
                out.append(x)
    return out


def _bodies(nodes, names, label, related) -> list[Suspect]:
    out = []
    folded: dict[str, list[str]] = defaultdict(list)
    for s in nodes:
        for n in names[s]:
            folded[_fold(n)].append(s)
    pairs: dict[frozenset, Suspect] = {}

    def suspect(a: str, b: str) -> Suspect:
        key = frozenset((a, b))
        if key not in pairs:
            a, b = sorted((a, b))
            pairs[key] = Suspect("Organization", a, b, label.get(a, a), label.get(b, b))
        return pairs[key]

    for f, group in folded.items():
        for a, b in combinations(sorted(set(group)), 2):
            suspect(a, b).evidence_for.append(f"the same name up to spelling: {f}")
    shorts = [(s, n) for s in nodes for n in names[s] if is_acronym(n)]
    longs = [(s, n) for s in nodes for n in names[s] if not is_acronym(n) and len(n.split()) > 1]
    for s1, short in shorts:
        fits = {s2 for s2, long in longs if s2 != s1 and abbreviates(short, long)}
        for s2 in fits:
            long = next(n for n in names[s2] if not is_acronym(n) and abbreviates(short, n))
            x = suspect(s1, s2)
            x.evidence_for.append(f"{short} abbreviates {long}")
            if len(fits) > 1:
                x.evidence_against.append(f"{short} abbreviates {len(fits)} known bodies")
    for key, x in pairs.items():
        if key in related:
            x.evidence_against.append("one is an organ of the other")
        out.append(x)
    return out
