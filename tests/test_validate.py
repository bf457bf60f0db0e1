"""SHACL shapes (ontology/shapes.ttl) and the ontology (ontology/orgkg.ttl)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from orgkg.resources import ontology_dir
from orgkg.validate import validate

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
GRAPH_MD = Path(__file__).parents[1] / "ontology" / "GRAPH.md"
ID = Namespace("https://w3id.org/orgkg/id/")
OKG = Namespace("https://w3id.org/orgkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

MEMBERSHIP = ID["membership/9549f05804e5"]  # Grigoryan, Chairman of the Council (article 1)
EVENT = ID["event/seec-meeting-2023-05-25"]


def fixture() -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


def edit(ds: Dataset, remove: tuple, add: tuple | None = None) -> None:
    """Remove a triple pattern from every named graph (and add a triple where it was)."""
    for g in ds.graphs():
        found = list(g.triples(remove))
        for t in found:
            g.remove(t)
        if found and add is not None:
            g.add(add)


def test_fixture_conforms():
    report = validate(fixture())
    assert report.conforms, report.text
    assert report.results == []


def test_fixture_conforms_as_one_graph():
    g = Graph()
    for s, p, o, _ in fixture().quads((None, None, None, None)):
        g.add((s, p, o))
    assert validate(g).conforms


def test_broken_copy_fails_with_readable_messages():
    ds = fixture()
    edit(ds, (MEMBERSHIP, ORG.member, None))
    edit(
        ds,
        (MEMBERSHIP, OKG.confidence, None),
        (MEMBERSHIP, OKG.confidence, Literal(Decimal("1.5"))),
    )
    edit(
        ds,
        (EVENT, SDO.startDate, None),
        (EVENT, SDO.startDate, Literal("2023-05-25", datatype=XSD.string)),
    )
    report = validate(ds)
    assert not report.conforms
    by_path: dict[str, list[tuple[str, str]]] = {}
    for focus, path, message in report.results:
        by_path.setdefault(str(path), []).append((str(focus), message))
    member = next(v for k, v in by_path.items() if k.endswith("member"))
    assert any("membership/9549f05804e5" in f and "exactly one org:member" in m for f, m in member)
    confidence = next(v for k, v in by_path.items() if k.endswith("confidence"))
    assert any("between 0 and 1" in m for _, m in confidence)
    start = next(v for k, v in by_path.items() if k.endswith("startDate"))
    assert any("seec-meeting-2023-05-25" in f and "xsd:date" in m for f, m in start)
    assert len(report.results) == 3, report.text
    # the text names every violation, one per line
    lines = report.text.splitlines()
    assert len([line for line in lines if "membership/9549f05804e5" in line]) == 2
    assert "exactly one org:member" in report.text and "seec-meeting-2023-05-25" in report.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # a role without a label
        (lambda ds: edit(ds, (ID["role/president"], RDFS.label, None)), "a role has an rdfs:label"),
        # two labels on a person
        (
            lambda ds: next(iter(ds.graphs())).add(
                (ID["person/mher-grigoryan"], RDFS.label, Literal("M. Grigoryan"))
            ),
            "exactly one rdfs:label",
        ),
        # evidence whose start is after its end
        (
            lambda ds: edit(
                ds,
                (ID["evidence/85cb28b55b51"], OA.start, None),
                (ID["evidence/85cb28b55b51"], OA.start, Literal(100000, datatype=XSD.nonNegativeInteger)),
            ),
            "<= oa:end",
        ),
        # a confidence written as a float (Python's default for 0.9) is not an xsd:decimal
        (
            lambda ds: edit(
                ds, (MEMBERSHIP, OKG.confidence, None), (MEMBERSHIP, OKG.confidence, Literal(0.9))
            ),
            "xsd:decimal",
        ),
        # an agreement party that is a person
        (
            lambda ds: next(iter(ds.graphs())).add(
                (ID["agreement/mou-customs-cooperation"], OKG.party, ID["person/mher-grigoryan"])
            ),
            "okg:party is a body",
        ),
        # a statement without evidence
        (lambda ds: edit(ds, (ID["statement/4cedc34dfac8"], OKG.evidence, None)), "okg:evidence"),
        # an article without a headline
        (lambda ds: edit(ds, (ID["article/eec-council-2022-02"], SDO.headline, None)), "schema:headline"),
    ],
)
def test_each_shape_catches_its_case(change, message):
    ds = fixture()
    change(ds)
    report = validate(ds)
    assert not report.conforms
    assert any(message in m for _, _, m in report.results), report.text


def test_offsets_written_back_by_oxigraph_still_conform():
    """pyoxigraph 0.5 turns xsd:nonNegativeInteger into xsd:integer."""
    ds = fixture()
    for g in ds.graphs():
        for s, p, o in list(g.triples((None, OA.start, None))) + list(g.triples((None, OA.end, None))):
            g.remove((s, p, o))
            g.add((s, p, Literal(int(o))))
    assert validate(ds).conforms


def test_two_labels_on_a_body_is_a_warning():
    ds = fixture()
    next(iter(ds.graphs())).add((ID["org/eec"], RDFS.label, Literal("The Commission")))
    report = validate(ds)
    assert report.conforms
    assert any("more than one rdfs:label" in m for _, _, m in report.warnings)


# ---------------------------------------------------------------- the ontology


def ontology_graph() -> Graph:
    g = Graph()
    for f in sorted(ontology_dir().rglob("*.ttl")):
        g.parse(f, format="turtle")
    return g


def test_every_okg_term_is_declared():
    onto = Graph().parse(ontology_dir() / "orgkg.ttl", format="turtle")
    used = set(re.findall(r"okg:([A-Za-z]+)", GRAPH_MD.read_text(encoding="utf-8")))
    data = fixture()
    used |= {
        str(t)[len(str(OKG)) :]
        for q in data.quads((None, None, None, None))
        for t in q[:3]
        if isinstance(t, URIRef) and str(t).startswith(str(OKG))
    }
    assert used >= {
        "Agreement",
        "party",
        "signatory",
        "dateSigned",
        "signedAt",
        "confidence",
        "evidence",
        "rule",
    }
    for name in sorted(used):
        term = OKG[name]
        assert (term, RDF.type, None) in onto, f"okg:{name} not declared"
        for p in (RDFS.label, RDFS.comment, RDFS.isDefinedBy):
            assert onto.value(term, p) is not None, f"okg:{name} lacks {p}"
        if name[0].islower():
            assert onto.value(term, RDFS.domain) is not None, f"okg:{name} has no domain"
            assert onto.value(term, RDFS.range) is not None, f"okg:{name} has no range"
    assert (OKG.Agreement, RDFS.subClassOf, SDO.CreativeWork) in onto
    assert (None, RDF.type, OWL.Ontology) in onto


def test_ontology_folder_has_no_instance_data():
    """The scorer loads every .ttl of ontology/ into the graph it scores: no entities there."""
    g = ontology_graph()
    entity_classes = {
        FOAF.Person,
        SDO.Person,
        ORG.Organization,
        ORG.FormalOrganization,
        ORG.OrganizationalUnit,
        SDO.Organization,
        SDO.GovernmentOrganization,
        FOAF.Organization,
        SDO.Country,
        SDO.Place,
        SDO.City,
        SDO.AdministrativeArea,
        SDO.Event,
        OKG.Agreement,
        ORG.Membership,
    }
    for cls in entity_classes:
        assert not list(g.subjects(RDF.type, cls)), f"ontology/ types something as {cls}"
    for pred in (
        ORG.member,
        ORG.organization,
        SDO.attendee,
        SDO.organizer,
        SDO.startDate,
        SDO.location,
        OKG.party,
        OKG.signatory,
        OKG.dateSigned,
        OKG.signedAt,
        ORG.subOrganizationOf,
        ORG.holds,
    ):
        assert not list(g.triples((None, pred, None))), f"ontology/ states {pred}"
    # only the restated hierarchy touches the scorer's class roots
    roots = {ORG.Organization, SDO.Place, SDO.Country, FOAF.Person, SDO.Event, OKG.Agreement}
    subclass_of_roots = {(s, o) for s, o in g.subject_objects(RDFS.subClassOf) if o in roots}
    assert subclass_of_roots == {(ORG.OrganizationalUnit, ORG.Organization), (SDO.City, SDO.Place)}
    assert not list(g.triples((None, OWL.equivalentClass, None)))


def test_every_shape_constraint_has_a_message():
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    for prop in shapes.objects(None, SH.property):
        assert shapes.value(prop, SH.message) is not None, f"property shape on {shapes.value(prop, SH.path)}"
    assert not list(shapes.triples((None, RDFS.label, None)))
