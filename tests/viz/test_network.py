"""The HTML network view: data, legend, offline-ness, escaping, determinism, and a real browser."""

from __future__ import annotations

import json
import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef

from orgkg.viz.network import render_html, to_networkx

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
OKG = Namespace("https://w3id.org/orgkg/ontology#")
ID = Namespace("https://w3id.org/orgkg/id/")
# Not rdflib.XSD: pytest probes module globals and rdflib warns on its closed namespaces.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

HOSTILE_HEADLINE = "Leaders meet in Minsk <script>alert(1)</script>"
HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_ALT = "</script><script>alert(2)</script>"

ARTICLE = ID["article/leaders-meet-in-minsk"]
PERSON = ID["person/mikhail-myasnikovich"]
EVIL = ID["person/evil"]
EEC = ID["org/eurasian-economic-commission"]
BOARD = ID["org/board-of-the-eurasian-economic-commission"]
BELARUS = ID["country/belarus"]
MINSK = ID["place/minsk"]
EVENT = ID["event/supreme-eurasian-economic-council-meeting"]
AGREEMENT = ID["agreement/minsk-declaration"]


def _triples() -> list[tuple]:
    """One article's facts, shaped as ontology/GRAPH.md describes."""
    date = Literal("2022-05-27", datatype=XSD_DATE)
    chair, member = ID["role/chairman-of-the-board"], ID["role/member-of-the-board"]
    m1, m2 = ID["membership/1"], ID["membership/2"]
    st, ev = ID["statement/1"], ID["evidence/1"]
    t = [
        (ARTICLE, RDF.type, SCHEMA.NewsArticle),
        (ARTICLE, SCHEMA.headline, Literal(HOSTILE_HEADLINE)),
        (ARTICLE, SCHEMA.datePublished, date),
        (ARTICLE, SCHEMA.identifier, Literal("leaders-meet-in-minsk")),
        (PERSON, RDF.type, FOAF.Person),
        (PERSON, RDFS.label, Literal("Mikhail Myasnikovich")),
        (PERSON, FOAF.name, Literal("Mikhail Myasnikovich")),
        (PERSON, SKOS.altLabel, Literal("M. Myasnikovich")),
        (EVIL, RDF.type, FOAF.Person),
        (EVIL, RDFS.label, Literal(HOSTILE_LABEL)),
        (EVIL, SKOS.altLabel, Literal(HOSTILE_ALT)),
        (EEC, RDF.type, ORG.Organization),
        (EEC, RDFS.label, Literal("Eurasian Economic Commission")),
        (EEC, SKOS.altLabel, Literal("EEC")),
        (BOARD, RDF.type, ORG.Organization),
        (BOARD, RDF.type, ORG.OrganizationalUnit),
        (BOARD, RDFS.label, Literal("Board of the Eurasian Economic Commission")),
        (BOARD, ORG.subOrganizationOf, EEC),
        (BELARUS, RDF.type, SCHEMA.Country),
        (BELARUS, RDFS.label, Literal("Belarus")),
        (BELARUS, SKOS.altLabel, Literal("Republic of Belarus")),
        (MINSK, RDF.type, SCHEMA.Place),
        (MINSK, RDF.type, SCHEMA.City),
        (MINSK, RDFS.label, Literal("Minsk")),
        (chair, RDF.type, ORG.Role),
        (chair, RDFS.label, Literal("Chairman of the Board")),
        (member, RDF.type, ORG.Role),
        (member, RDFS.label, Literal("Member of the Board")),
        (m1, RDF.type, ORG.Membership),
        (m1, ORG.member, PERSON),
        (m1, ORG.organization, BOARD),
        (m1, ORG.role, chair),
        (m1, OKG.attestedOn, date),
        (m1, PROV.wasDerivedFrom, ARTICLE),
        (m1, OKG.confidence, Literal("0.9", datatype=XSD_DECIMAL)),
        (m2, RDF.type, ORG.Membership),
        (m2, ORG.member, EVIL),
        (m2, ORG.organization, EEC),
        (m2, ORG.role, member),
        (m2, OKG.current, Literal(False)),
        (m2, PROV.wasDerivedFrom, ARTICLE),
        (EVENT, RDF.type, SCHEMA.Event),
        (EVENT, RDFS.label, Literal("Meeting of the Supreme Eurasian Economic Council")),
        (EVENT, SCHEMA.organizer, EEC),
        (EVENT, SCHEMA.attendee, PERSON),
        (EVENT, SCHEMA.attendee, EVIL),
        (EVENT, SCHEMA.location, MINSK),
        (EVENT, SCHEMA.startDate, date),
        (EVENT, PROV.wasDerivedFrom, ARTICLE),
        (AGREEMENT, RDF.type, OKG.Agreement),
        (AGREEMENT, RDFS.label, Literal("Minsk Declaration")),
        (AGREEMENT, OKG.party, BELARUS),
        (AGREEMENT, OKG.signatory, PERSON),
        (AGREEMENT, OKG.signedAt, EVENT),
        (AGREEMENT, OKG.dateSigned, date),
        (AGREEMENT, PROV.wasDerivedFrom, ARTICLE),
        (st, RDF.type, RDF.Statement),
        (st, RDF.subject, EVENT),
        (st, RDF.predicate, SCHEMA.attendee),
        (st, RDF.object, PERSON),
        (st, PROV.wasDerivedFrom, ARTICLE),
        (st, OKG.evidence, ev),
        (ev, RDF.type, OA.TextQuoteSelector),
        (ev, OA.exact, Literal("Mikhail Myasnikovich attended the meeting.")),
        (ev, PROV.wasDerivedFrom, ARTICLE),
    ]
    return t


def _dataset(triples: list[tuple]) -> Dataset:
    ds = Dataset()
    named = ds.graph(ARTICLE)
    for triple in triples:
        named.add(triple)
    return ds


def _graph(triples: list[tuple]) -> Graph:
    g = Graph()
    for triple in triples:
        g.add(triple)
    return g


EXPECTED_NODES = {
    "Mikhail Myasnikovich": "person",
    HOSTILE_LABEL: "person",
    "Eurasian Economic Commission": "body",
    "Board of the Eurasian Economic Commission": "organ",
    "Belarus": "country",
    "Minsk": "place",
    "Meeting of the Supreme Eurasian Economic Council": "event",
    "Minsk Declaration": "agreement",
}
MEETING = "Meeting of the Supreme Eurasian Economic Council"
EXPECTED_EDGES = {
    ("Mikhail Myasnikovich", "Board of the Eurasian Economic Commission", "Chairman of the Board"),
    (HOSTILE_LABEL, "Eurasian Economic Commission", "Member of the Board"),
    ("Board of the Eurasian Economic Commission", "Eurasian Economic Commission", "part of"),
    ("Mikhail Myasnikovich", MEETING, "attended"),
    (HOSTILE_LABEL, MEETING, "attended"),
    ("Eurasian Economic Commission", MEETING, "organised"),
    (MEETING, "Minsk", "held in"),
    ("Belarus", "Minsk Declaration", "party to"),
    ("Mikhail Myasnikovich", "Minsk Declaration", "signed"),
    ("Minsk Declaration", MEETING, "signed at"),
}


def _embedded(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="orgkg-data">(.*?)</script>', page, re.S)
    assert match, "no embedded data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("viz") / "network.html"
    return render_html(_dataset(_triples()), out, title="Test <b>graph</b> & </script>")


@pytest.fixture(scope="module")
def page(page_path: Path) -> str:
    return page_path.read_text("utf-8")


def test_to_networkx_reads_nodes_and_relations() -> None:
    nxg = to_networkx(_dataset(_triples()))
    assert {d["label"]: d["kind"] for _, d in nxg.nodes(data=True)} == EXPECTED_NODES
    labels = {n: d["label"] for n, d in nxg.nodes(data=True)}
    assert {(labels[u], labels[v], d["label"]) for u, v, d in nxg.edges(data=True)} == EXPECTED_EDGES
    assert nxg.number_of_edges() == len(EXPECTED_EDGES)
    person = nxg.nodes[str(PERSON)]
    assert person["posts"] == ["Chairman of the Board @ Board of the Eurasian Economic Commission"]
    assert person["alt_labels"] == ["M. Myasnikovich"]
    assert person["sources"] == [HOSTILE_HEADLINE]
    assert nxg.nodes[str(EVIL)]["posts"] == ["Member of the Board @ Eurasian Economic Commission (former)"]
    assert nxg.nodes[str(EVENT)]["dates"] == ["start: 2022-05-27"]
    assert nxg.nodes[str(AGREEMENT)]["dates"] == ["signed: 2022-05-27"]
    # Minsk is only typed and labelled in the article's named graph: found through it.
    assert nxg.nodes[str(MINSK)]["sources"] == [HOSTILE_HEADLINE]
    assert [d["former"] for _, v, d in nxg.edges(str(EVIL), data=True) if v == str(EEC)] == [True]


def test_dataset_and_union_graph_agree() -> None:
    a, b = to_networkx(_dataset(_triples())), to_networkx(_graph(_triples()))
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))


def test_embedded_data_counts_labels_and_tooltips(page: str) -> None:
    data = _embedded(page)
    nodes, edges = data["nodes"], data["edges"]
    assert len(nodes) == len(EXPECTED_NODES) and len(edges) == len(EXPECTED_EDGES)
    assert {n["label"]: n["group"] for n in nodes} == EXPECTED_NODES
    by_id = {n["id"]: n for n in nodes}
    assert {(by_id[e["from"]]["label"], by_id[e["to"]]["label"], e["label"]) for e in edges} == EXPECTED_EDGES
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    assert data["options"]["physics"]["enabled"] is False
    dashed = [e["label"] for e in edges if e.get("dashes")]
    assert dashed == ["Member of the Board"]

    tips = {n["label"]: n["title"] for n in nodes}
    person = tips["Mikhail Myasnikovich"].split("\n")
    assert person[0] == "Person" and "Also: M. Myasnikovich" in person
    assert "• Chairman of the Board @ Board of the Eurasian Economic Commission" in person
    assert f"• {HOSTILE_HEADLINE}" in person
    assert "start: 2022-05-27" in tips[MEETING]
    assert "signed: 2022-05-27" in tips["Minsk Declaration"]
    assert tips["Board of the Eurasian Economic Commission"].startswith("Organ (unit of a body)\n")
    # Articles, roles, memberships, statements and evidence are not drawn.
    assert not any(("/article/" in t or "/role/" in t or "/statement/" in t) for t in tips.values())


def test_legend_lists_every_class_with_distinct_colour_and_shape(page: str) -> None:
    assert 'id="orgkg-legend"' in page
    items = re.findall(r'<li data-kind="([^"]+)" data-shape="([^"]+)" data-color="([^"]+)">', page)
    assert {k for k, _, _ in items} == {"person", "body", "organ", "country", "place", "event", "agreement"}
    assert len({s for _, s, _ in items}) == len(items) and len({c for _, _, c in items}) == len(items)
    groups = _embedded(page)["options"]["groups"]
    for kind, shape, color in items:
        assert groups[kind]["shape"] == shape and groups[kind]["color"]["background"] == color
    assert ">Organ (unit of a body)</span>" in page


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_page_fetches_nothing(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not any(("src" in a or "href" in a) for _, a in parser.tags)
    assert not any(tag in ("link", "img", "iframe", "object", "embed", "base") for tag, _ in parser.tags)
    assert "@import" not in page
    assert set(re.findall(r"url\(\s*[\"']?([a-z]+):", page)) <= {"data"}
    csp = [
        a["content"]
        for t, a in parser.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(csp) == 1 and csp[0].startswith("default-src 'none'; script-src 'sha256-")
    assert "unsafe-inline" not in csp[0].split("script-src", 1)[1].split(";", 1)[0]


def test_untrusted_text_is_escaped(page: str) -> None:
    for raw in (HOSTILE_LABEL, HOSTILE_HEADLINE, HOSTILE_ALT, "<b>graph</b>"):
        assert raw not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    assert "Test &lt;b&gt;graph&lt;/b&gt; &amp; &lt;/script&gt;" in page
    parser = _Tags()
    parser.feed(page)
    scripts = [a for t, a in parser.tags if t == "script"]
    assert scripts == [{"type": "application/json", "id": "orgkg-data"}, {}, {}]
    assert page.count("</script>") == 3
    assert not any(k.startswith("on") for _, attrs in parser.tags for k in attrs)
    # Data round-trips intact once parsed as JSON (vis then shows it via innerText).
    labels = {n["label"] for n in _embedded(page)["nodes"]}
    assert HOSTILE_LABEL in labels


def test_output_is_deterministic_and_order_independent(tmp_path: Path, page: str) -> None:
    title = "Test <b>graph</b> & </script>"
    a = render_html(_dataset(_triples()), tmp_path / "a.html", title=title).read_bytes()
    b = render_html(_dataset(list(reversed(_triples()))), tmp_path / "b.html", title=title).read_bytes()
    assert a == b == page.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]  # no temp files left


def test_max_nodes_keeps_highest_degree_and_says_so(tmp_path: Path) -> None:
    out = render_html(_graph(_triples()), tmp_path / "sub" / "small.html", max_nodes=3)
    page = out.read_text("utf-8")
    data = _embedded(page)
    # Degrees: meeting 5, Myasnikovich 3, EEC 3, Minsk Declaration 3 (ties broken by IRI).
    assert {n["label"] for n in data["nodes"]} == {
        MEETING,
        "Minsk Declaration",
        "Eurasian Economic Commission",
    }
    assert len(data["edges"]) == 2
    assert "Showing only the 3 highest-degree nodes of 8 (2 of 10 edges)." in page
    with pytest.raises(ValueError):
        render_html(_graph(_triples()), tmp_path / "x.html", max_nodes=0)


def test_empty_graph_renders(tmp_path: Path) -> None:
    page = render_html(Graph(), tmp_path / "empty.html").read_text("utf-8")
    assert _embedded(page)["nodes"] == [] and "0 nodes, 0 edges." in page


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Resolves with the number of drawn (non-transparent, non-white) pixels once there are some.
CANVAS_DRAWN_JS = """() => {
  const c = document.querySelector("#orgkg-network canvas");
  if (!c || !c.width || !c.height) return false;
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
  }
  return n > 200 ? n : false;
}"""
HOVER_TARGET_JS = """(label) => {
  const data = JSON.parse(document.getElementById("orgkg-data").textContent);
  const id = data.nodes.find((n) => n.label === label).id;
  const p = window.orgkgNetwork.canvasToDOM(window.orgkgNetwork.getPosition(id));
  const r = document.getElementById("orgkg-network").getBoundingClientRect();
  return {x: r.left + p.x, y: r.top + p.y};
}"""


def test_page_draws_offline_in_headless_chromium(page_path: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (install the Debian package 'chromium'); required under CI")
        pytest.skip(f"{CHROMIUM} not installed (Debian package 'chromium'); browser test skipped outside CI")
    sync_api = pytest.importorskip("playwright.sync_api")

    started = time.monotonic()
    blocked: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []

    def route(r) -> None:  # noqa: ANN001 - playwright's Route
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            pg = browser.new_page(viewport={"width": 1280, "height": 800})
            pg.route("**/*", route)
            pg.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
            pg.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            pg.goto(page_path.resolve().as_uri(), wait_until="load", timeout=15_000)
            drawn = pg.wait_for_function(CANVAS_DRAWN_JS, timeout=15_000, polling=200).json_value()
            assert drawn > 200
            assert pg.get_attribute("body", "data-orgkg-drawn") == "true"
            assert pg.is_visible("#orgkg-legend")

            # The hostile node's tooltip shows its text literally and contains no element.
            target = pg.evaluate(HOVER_TARGET_JS, HOSTILE_LABEL)
            pg.mouse.move(target["x"], target["y"])
            tooltip = pg.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
            text = tooltip.inner_text()
            assert HOSTILE_LABEL in text and HOSTILE_HEADLINE in text and HOSTILE_ALT in text
            # innerText turns newlines into <br>: nothing else may appear.
            assert tooltip.evaluate("(el) => [...el.querySelectorAll('*')].every((c) => c.tagName === 'BR')")
            assert pg.evaluate("document.querySelectorAll('img').length") == 0
        finally:
            browser.close()

    assert blocked == [], f"page tried to fetch: {blocked}"
    assert errors == [], errors
    assert dialogs == [], f"untrusted text executed: {dialogs}"
    assert time.monotonic() - started < 20
