"""Extraction + IRIs -> RDF triples in the article's named graph (see ontology/GRAPH.md)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, OWL, PROV, SKOS

from orgkg.graph.keys import name_key
from orgkg.model import Extraction, Fact
from orgkg.resolve.identity import slugify

ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
OKG = Namespace("https://w3id.org/orgkg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")

CLASSES = {
    "Person": [FOAF.Person],
    "Organization": [ORG.Organization],
    "Country": [SDO.Country],
    "Place": [SDO.Place],
    "Event": [SDO.Event],
    "Agreement": [OKG.Agreement],
}
PREDICATE = {
    "attended": SDO.attendee,
    "organizer": SDO.organizer,
    "event_date": SDO.startDate,
    "event_location": SDO.location,
    "party": OKG.party,
    "signatory": OKG.signatory,
    "agreement_date": OKG.dateSigned,
    "signed_at": OKG.signedAt,
    "sub_org": ORG.subOrganizationOf,
}

Triple = tuple[URIRef, URIRef, object]
KEYED = ("Person", "Organization", "Country")  # the kinds named queries look up by name
_TIME_PROP = {XSD.date: TIME.inXSDDate, XSD.gYearMonth: TIME.inXSDgYearMonth, XSD.gYear: TIME.inXSDgYear}


def date_literal(iso: str) -> Literal:
    """An ISO date string as xsd:date, xsd:gYearMonth or xsd:gYear by its precision."""
    if len(iso) == 4:
        return Literal(iso, datatype=XSD.gYear)
    if len(iso) == 7:
        return Literal(iso, datatype=XSD.gYearMonth)
    return Literal(iso, datatype=XSD.date)


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def _conf(x: float) -> Literal:
    return Literal(Decimal(str(round(max(0.0, min(1.0, x)), 2))), datatype=XSD.decimal)


def article_iri(base: str, article_id: str) -> URIRef:
    return URIRef(f"{base}article/{article_id}")


def article_triples(ex: Extraction, base: str, content_hash: str) -> Iterator[Triple]:
    """The article node: a schema:NewsArticle with headline, date, url or identifier."""
    art = ex.article
    a = article_iri(base, art.id)
    yield a, RDF.type, SDO.NewsArticle
    yield a, SDO.headline, Literal(art.title or art.text.split("\n", 1)[0][:200])
    if art.date:
        yield a, SDO.datePublished, Literal(art.date.isoformat(), datatype=XSD.date)
    if art.url:
        yield a, SDO.url, Literal(art.url, datatype=XSD.anyURI)
    yield a, SDO.identifier, Literal(art.id)
    yield a, OKG.contentHash, Literal(content_hash)


def extraction_triples(
    ex: Extraction,
    iris: dict[str, str],
    base: str,
    min_confidence: float = 0.0,
    content_hash: str = "",
    labels: dict[str, str] | None = None,
) -> Iterator[Triple]:
    """Every triple one article contributes (all of them go in its named graph)."""
    art = article_iri(base, ex.article.id)
    yield from article_triples(ex, base, content_hash)
    facts = [f for f in ex.facts if f.confidence >= min_confidence]
    seen: set = set()  # evidence nodes already described
    used = {f.subject for f in facts} | {f.object for f in facts}
    for key, ent in ex.entities.items():
        if ent.confidence < min_confidence and key not in used:
            continue
        node = URIRef(iris[key])
        for cls in CLASSES[ent.type]:
            yield node, RDF.type, cls
        if ent.type == "Organization" and ent.is_unit:
            yield node, RDF.type, ORG.OrganizationalUnit
        # One rdfs:label per node across articles; this article's own name for it is an alt label.
        label = (labels or {}).get(iris[key], ent.name)
        yield node, RDFS.label, Literal(label)
        if ent.type == "Person":
            yield node, FOAF.name, Literal(label)
        for alias in sorted((ent.aliases | {ent.name}) - {label}):
            yield node, SKOS.altLabel, Literal(alias)
        if ent.type in KEYED:
            # search keys: named queries find a node by any of its names, in any case
            for key in sorted({name_key(n) for n in ent.aliases | {ent.name, label}}):
                yield node, SKOS.hiddenLabel, Literal(key)
        if ent.type in ("Event", "Agreement"):
            yield node, PROV.wasDerivedFrom, art
            ent_facts = [f for f in facts if f.subject == key]
            conf = max([ent.confidence] + [f.confidence for f in ent_facts]) if ent_facts else ent.confidence
            yield node, OKG.confidence, _conf(conf)
            for span in ent.mentions[:3]:
                yield from _evidence(node, art, span.start, span.end, ex, seen)
    for f in facts:
        yield from _fact_triples(f, ex, iris, art, seen)


def merge_triples(merges, base: str, article_id: str) -> Iterator[Triple]:
    """Names taken as an entity known under another IRI: owl:sameAs plus a record of why.

    The IRI the name would have had stays resolvable (``owl:sameAs`` the survivor), and
    the record (``okg:IdentityMerge``) lets ``orgkg entities --unmerge`` take it back.
    """
    art = article_iri(base, article_id)
    for m in merges:
        retired, survivor = URIRef(m.retired), URIRef(m.survivor)
        node = URIRef(f"{base}merge/{article_id}/{_h(m.retired, m.survivor)}")
        yield retired, OWL.sameAs, survivor
        yield node, RDF.type, OKG.IdentityMerge
        yield node, OKG.retired, retired
        yield node, OKG.survivor, survivor
        yield node, OKG.nameUsed, Literal(m.name)
        yield node, OKG.identityEvidence, Literal(m.evidence)
        yield node, PROV.wasDerivedFrom, art


def _interval(m: URIRef, start: str | None, end: str | None) -> Iterator[Triple]:
    """org:memberDuring: a time:Interval with the instants the text gives."""
    interval = URIRef(f"{m}/during")
    yield m, ORG.memberDuring, interval
    yield interval, RDF.type, TIME.Interval
    for pred, value, name in ((TIME.hasBeginning, start, "start"), (TIME.hasEnd, end, "end")):
        if value:
            instant = URIRef(f"{interval}/{name}")
            lit = date_literal(value)
            yield interval, pred, instant
            yield instant, RDF.type, TIME.Instant
            yield instant, _TIME_PROP[lit.datatype], lit


def _evidence(node: URIRef, art: URIRef, start: int, end: int, ex: Extraction, seen: set) -> Iterator[Triple]:
    # The evidence is the whole sentence around the mention.
    sent = _sentence_around(ex, start, end)
    ev = URIRef(f"{str(art).replace('/article/', '/evidence/')}/{_h(sent[0], sent[1])}")
    yield node, OKG.evidence, ev
    yield from _evidence_node(ev, art, sent[0], sent[1], ex.article.text[sent[0] : sent[1]], seen)


def _sentence_around(ex: Extraction, start: int, end: int) -> tuple[int, int]:
    for f in ex.facts:
        if f.evidence.start <= start and end <= f.evidence.end:
            return f.evidence.start, f.evidence.end
    text = ex.article.text
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    b_candidates = [x for x in (text.find(". ", end), text.find("\n", end)) if x >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return a, min(b, len(text))


def _evidence_node(ev: URIRef, art: URIRef, start: int, end: int, exact: str, seen: set) -> Iterator[Triple]:
    # one sentence is the evidence of many facts: describe it once
    if ev in seen:
        return
    seen.add(ev)
    yield ev, RDF.type, OA.TextPositionSelector
    yield ev, RDF.type, OA.TextQuoteSelector
    yield ev, OA.exact, Literal(exact)
    yield ev, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)
    yield ev, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)
    yield ev, PROV.wasDerivedFrom, art


def _fact_triples(f: Fact, ex: Extraction, iris: dict[str, str], art: URIRef, seen: set) -> Iterator[Triple]:
    base = str(art).rsplit("/article/", 1)[0] + "/"
    ev = URIRef(f"{base}evidence/{ex.article.id}/{_h(f.evidence.start, f.evidence.end)}")
    yield from _evidence_node(ev, art, f.evidence.start, f.evidence.end, f.evidence.text, seen)
    subj = URIRef(iris[f.subject])
    statements: list[tuple[URIRef, URIRef, object]] = []
    if f.kind == "role":
        org = URIRef(iris[f.object])
        role = URIRef(f"{base}role/{slugify(f.role or 'member')}")
        m = URIRef(
            f"{base}membership/{_h(ex.article.id, iris[f.subject], iris[f.object], (f.role or '').lower())}"
        )
        yield role, RDF.type, ORG.Role
        yield role, RDFS.label, Literal(f.role or "member")
        yield m, RDF.type, ORG.Membership
        yield m, ORG.member, subj
        yield m, ORG.organization, org
        yield m, ORG.role, role
        yield m, PROV.wasDerivedFrom, art
        yield m, OKG.confidence, _conf(f.confidence)
        yield m, OKG.evidence, ev
        if ex.article.date:
            yield m, OKG.attestedOn, Literal(ex.article.date.isoformat(), datatype=XSD.date)
        if not f.current:
            yield m, OKG.current, Literal(False)
        if f.start or f.end:
            yield from _interval(m, f.start, f.end)
        statements = [(m, ORG.member, subj), (m, ORG.organization, org)]
    else:
        pred = PREDICATE[f.kind]
        obj = date_literal(f.object) if f.kind.endswith("_date") else URIRef(iris[f.object])
        yield subj, pred, obj
        statements = [(subj, pred, obj)]
    for s, p, o in statements:
        st = URIRef(f"{base}statement/{_h(ex.article.id, s, p, o)}")
        yield st, RDF.type, RDF.Statement
        yield st, RDF.subject, s
        yield st, RDF.predicate, p
        yield st, RDF.object, o
        yield st, PROV.wasDerivedFrom, art
        yield st, OKG.evidence, ev
        yield st, OKG.rule, Literal(f.rule)
        yield st, OKG.confidence, _conf(f.confidence)
