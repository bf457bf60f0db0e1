"""Interactive HTML network view of an orgkg graph (vis-network, fully offline).

``to_networkx`` reads the graph described in ontology/GRAPH.md into a
``networkx.MultiDiGraph`` of persons, bodies, organs, countries, places, events
and agreements; ``render_html`` lays it out in Python and writes one
self-contained HTML page.

Why the page is safe and offline:

* Nothing is fetched. vis-network's JS and CSS are read from the installed pyvis
  package and inlined; the page has no ``src``/``href`` pointing anywhere, and a
  Content-Security-Policy (``default-src 'none'``) makes the browser refuse any
  fetch that might still be attempted.
* Article text is untrusted. Page text (title, legend, notes) goes through
  ``html.escape``. Node and edge data travel as JSON inside a non-executed
  ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` written
  as ``\\u003c``-style escapes, so no data can close the block or open a tag.
  Labels are painted on a canvas, and tooltips are plain strings with newlines,
  which vis-network 9 puts in with ``innerText`` (it only renders HTML when given
  a DOM element), so they are never parsed as HTML. As a last line of defence the
  CSP allows only the page's own two scripts, by hash: an injected inline script
  or ``onerror=`` handler would not run.

Positions come from a seeded force layout, vis physics is off, and the output
is byte-identical for the same graph.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.resources
import json
import math
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from orgkg.viz import _rdf
from orgkg.viz._layout import spring_positions
from orgkg.viz._rdf import KIND_BY_KEY, KINDS, OKG, ORG, PROV, SCHEMA

__all__ = ["render_html", "to_networkx", "RELATION_LABELS"]

# predicate -> (edge label, whether the edge runs object -> subject)
_DIRECT: dict[URIRef, tuple[str, bool]] = {
    SCHEMA.attendee: ("attended", True),
    SCHEMA.organizer: ("organised", True),
    SCHEMA.location: ("held in", False),
    OKG.party: ("party to", True),
    OKG.signatory: ("signed", True),
    OKG.signedAt: ("signed at", False),
    ORG.subOrganizationOf: ("part of", False),
}
RELATION_LABELS: dict[str, str] = {str(p): label for p, (label, _) in _DIRECT.items()}
"""Edge label for each drawn predicate IRI (memberships are labelled by their role)."""

_MEMBERSHIP = "membership"
_MAX_SOURCES = 5  # headlines listed per tooltip
_MAX_LABEL = 48  # characters of a label drawn on the canvas
_PX_PER_EDGE = 140  # target on-screen length of a typical edge, in vis units

_INIT_JS = """(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("orgkg-data").textContent);
  var container = document.getElementById("orgkg-network");
  var network = new vis.Network(container, {nodes: data.nodes, edges: data.edges}, data.options);
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-orgkg-drawn", "true");
  });
  window.orgkgNetwork = network;
})();
"""


# --------------------------------------------------------------------------- RDF -> networkx


def to_networkx(graph: Graph | Dataset) -> nx.MultiDiGraph:
    """Read an orgkg graph (a Graph, or a Dataset whose named graphs are united) into networkx.

    Node keys are IRIs (``_:id`` for blank nodes) with attributes ``kind``
    (person, body, organ, country, place, event, agreement), ``kind_label``,
    ``label``, ``alt_labels``, ``posts`` ("role @ body"), ``dates``,
    ``sources`` (headlines of the source articles) and ``iri``. Edges carry
    ``relation`` (``membership`` or the predicate IRI), ``label`` and
    ``sources``; membership edges also ``former``. Parallel edges with the same
    relation and label are merged; their sources are pooled.
    """
    union = _rdf.union_graph(graph, track=_DIRECT)
    g = union.graph
    out = nx.MultiDiGraph()
    kinds: dict[Node, str] = dict((s, kind.key) for s, kind in _rdf.typed_nodes(g))
    labels = {s: _rdf.label_of(g, s) for s in kinds}

    for s in sorted(kinds, key=_rdf.node_id):
        kind = KIND_BY_KEY[kinds[s]]
        label = labels[s]
        articles = _node_articles(g, s, union.node_graphs.get(s, ()))
        out.add_node(
            _rdf.node_id(s),
            kind=kind.key,
            kind_label=kind.label,
            label=label,
            alt_labels=_rdf.alt_labels(g, s, label),
            posts=_posts(g, s, labels) if kind.key == "person" else [],
            dates=_dates(g, s),
            sources=_headlines(g, articles),
            iri=_rdf.node_id(s),
        )

    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(src: Node, dst: Node, relation: str, label: str, articles: Iterable[Node], former: bool) -> None:
        if src not in kinds or dst not in kinds:
            return
        key = (_rdf.node_id(src), _rdf.node_id(dst), f"{relation}|{label}")
        edge = edges.setdefault(key, {"relation": relation, "label": label, "articles": set(), "former": []})
        edge["articles"].update(articles)
        edge["former"].append(former)

    for m in set(g.subjects(ORG.member, None)):
        role = g.value(m, ORG.role)
        role_label = _rdf.label_of(g, role) if role is not None else None
        former = _is_former(g, m)
        articles = set(g.objects(m, PROV.wasDerivedFrom))
        for person in g.objects(m, ORG.member):
            for body in g.objects(m, ORG.organization):
                add(person, body, _MEMBERSHIP, role_label or "member of", articles, former)

    for predicate, (label, reverse) in _DIRECT.items():
        for s, o in g.subject_objects(predicate):
            articles = set(_statement_articles(g, s, predicate, o))
            articles.update(union.triple_graphs.get((s, predicate, o), ()))
            src, dst = (o, s) if reverse else (s, o)
            add(src, dst, str(predicate), label, articles, False)

    for (src, dst, key), edge in sorted(edges.items()):
        attrs: dict[str, Any] = {
            "relation": edge["relation"],
            "label": edge["label"],
            "sources": _headlines(g, edge["articles"]),
        }
        if edge["relation"] == _MEMBERSHIP:
            # One current attestation is enough to call the post current.
            attrs["former"] = all(edge["former"])
        out.add_edge(src, dst, key=key, **attrs)
    return out


def _is_former(g: Graph, membership: Node) -> bool:
    value = g.value(membership, OKG.current)
    return isinstance(value, Literal) and value.toPython() is False


def _posts(g: Graph, person: Node, labels: dict[Node, str]) -> list[str]:
    posts = set()
    for m in g.subjects(ORG.member, person):
        role = g.value(m, ORG.role)
        role_label = _rdf.label_of(g, role) if role is not None else "member"
        notes = ["former"] if _is_former(g, m) else []
        notes += [t for i in g.objects(m, ORG.memberDuring) if (t := _rdf.interval_text(g, i))]
        for body in g.objects(m, ORG.organization):
            body_label = labels.get(body) or _rdf.label_of(g, body)
            suffix = f" ({', '.join(sorted(notes))})" if notes else ""
            posts.add(f"{role_label} @ {body_label}{suffix}")
    return sorted(posts)


def _dates(g: Graph, s: Node) -> list[str]:
    found = []
    for predicate, name in (
        (SCHEMA.startDate, "start"),
        (SCHEMA.endDate, "end"),
        (OKG.dateSigned, "signed"),
    ):
        for value in sorted({t for o in g.objects(s, predicate) if (t := _rdf.date_text(g, o))}):
            found.append(f"{name}: {value}")
    return found


def _statement_articles(g: Graph, s: Node, p: Node, o: Node) -> Iterable[Node]:
    for st in g.subjects(RDF.subject, s):
        if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g:
            yield from g.objects(st, PROV.wasDerivedFrom)


def _node_articles(g: Graph, s: Node, graph_names: Iterable[Node]) -> set[Node]:
    """Articles a node came from: its own, its memberships', its statements', its named graphs."""
    found = set(g.objects(s, PROV.wasDerivedFrom))
    for predicate in (ORG.member, ORG.organization):
        for m in g.subjects(predicate, s):
            found.update(g.objects(m, PROV.wasDerivedFrom))
    for predicate in (RDF.subject, RDF.object):
        for st in g.subjects(predicate, s):
            found.update(g.objects(st, PROV.wasDerivedFrom))
    found.update(graph_names)
    return found


def _headlines(g: Graph, articles: Iterable[Node]) -> list[str]:
    arts = [a for a in set(articles) if isinstance(a, URIRef | BNode) and _rdf.is_article(g, a)]
    seen: dict[str, None] = {}
    for a in sorted(arts, key=lambda a: (_rdf.article_sort_key(g, a), _rdf.node_id(a))):
        seen.setdefault(_rdf.headline_of(g, a))
    return list(seen)


# --------------------------------------------------------------------------- networkx -> HTML


def render_html(
    graph: Graph | Dataset | nx.MultiDiGraph,
    output: str | Path,
    *,
    title: str = "orgkg network",
    max_nodes: int = 2000,
) -> Path:
    """Write a self-contained, offline, interactive HTML view of ``graph`` to ``output``.

    ``graph`` is an rdflib Graph or Dataset (the union of its named graphs is
    drawn) or the result of :func:`to_networkx`. Over ``max_nodes`` nodes only the
    highest-degree ones are kept, and the page says so. The file is written
    atomically; the same graph always gives byte-identical HTML. Returns the path.
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    nxg = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph)
    total_nodes, total_edges = nxg.number_of_nodes(), nxg.number_of_edges()
    if total_nodes > max_nodes:
        degree = dict(nxg.degree())
        keep = sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes]
        nxg = nxg.subgraph(keep).copy()
    page = _page(nxg, title=title, total_nodes=total_nodes, total_edges=total_edges)
    return _write_atomic(Path(output), page.encode("utf-8"))


def _page(nxg: nx.MultiDiGraph, *, title: str, total_nodes: int, total_edges: int) -> str:
    data = _vis_data(nxg)
    n, m = nxg.number_of_nodes(), nxg.number_of_edges()
    stats = f"{n:,} {_plural(n, 'node')}, {m:,} {_plural(m, 'edge')}."
    trimmed = ""
    if n < total_nodes:
        trimmed = (
            f'<p class="orgkg-trimmed">Showing only the {n:,} highest-degree nodes of {total_nodes:,} '
            f"({m:,} of {total_edges:,} edges).</p>"
        )
    vis_js, vis_css = _vis_assets()
    parts = {
        "CSP": html.escape(_csp(vis_js, _INIT_JS)),
        "TITLE": html.escape(title),
        "STATS": html.escape(stats),
        "TRIMMED": trimmed,
        "LEGEND": _legend_html(),
        "DATA": _script_json(data),
        "VIS_JS": vis_js,
        "VIS_CSS": vis_css,
        "INIT_JS": _INIT_JS,
    }
    template = importlib.resources.files("orgkg.viz").joinpath("network.html").read_text("utf-8")
    # One pass, so text substituted in is never itself searched for placeholders.
    return re.sub(r"@@([A-Z_]+)@@", lambda mo: parts[mo.group(1)], template)


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _vis_data(nxg: nx.MultiDiGraph) -> dict[str, Any]:
    order = sorted(nxg.nodes)
    index = {node: i for i, node in enumerate(order)}
    edge_list = sorted(
        (index[u], index[v], key, attrs) for u, v, key, attrs in nxg.edges(keys=True, data=True)
    )
    pos = spring_positions(len(order), [(u, v) for u, v, _, _ in edge_list])
    if len(order) > 1:
        pos = pos - pos.mean(axis=0)
    scale = _PX_PER_EDGE * math.sqrt(max(len(order), 1))
    degree = dict(nxg.degree())

    nodes = []
    for i, node in enumerate(order):
        attrs = nxg.nodes[node]
        nodes.append(
            {
                "id": i,
                "label": _shorten(attrs.get("label", str(node)), _MAX_LABEL),
                "group": attrs.get("kind", "body"),
                "title": _node_tooltip(attrs, node),
                "size": round(10 + 3 * math.sqrt(degree.get(node, 0)), 1),
                "x": int(round(float(pos[i, 0]) * scale)),
                "y": int(round(float(pos[i, 1]) * scale)),
            }
        )

    edges = []
    parallel: dict[tuple[int, int], int] = {}
    for u, v, _key, attrs in edge_list:
        pair = (min(u, v), max(u, v))
        nth = parallel.get(pair, 0)
        parallel[pair] = nth + 1
        edge: dict[str, Any] = {
            "from": u,
            "to": v,
            "label": attrs.get("label", ""),
            "title": _edge_tooltip(attrs),
        }
        if attrs.get("former"):
            edge["dashes"] = True
        if nth:
            # Bend the 2nd, 3rd... edge between the same two nodes so the labels don't overlap.
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.25 * nth, 2)}
        edges.append(edge)
    return {"nodes": nodes, "edges": edges, "options": _vis_options(len(order))}


def _vis_options(n: int) -> dict[str, Any]:
    groups = {}
    for kind, _ in KINDS:
        border = _darken(kind.color)
        groups[kind.key] = {
            "shape": kind.shape,
            "color": {
                "background": kind.color,
                "border": border,
                "highlight": {"background": kind.color, "border": "#000000"},
                "hover": {"background": kind.color, "border": "#000000"},
            },
        }
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {"borderWidth": 1, "font": {"size": 14, "color": "#222222"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": False,
            "width": 1,
            "color": {"color": "#9aa0a6", "highlight": "#222222", "hover": "#555555"},
            "font": {"size": 10, "color": "#444444", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        # Positions are computed in Python: physics would take minutes on 2,000 nodes.
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n > 500},
    }


def _node_tooltip(attrs: dict[str, Any], node: str) -> str:
    lines = [attrs.get("kind_label", "Node"), attrs.get("label", node)]
    if attrs.get("alt_labels"):
        lines.append("Also: " + "; ".join(attrs["alt_labels"]))
    if attrs.get("posts"):
        lines.append("Posts:")
        lines += [f"• {post}" for post in attrs["posts"]]
    lines += attrs.get("dates", [])
    lines += _source_lines(attrs.get("sources", []))
    lines.append(attrs.get("iri", node))
    return "\n".join(lines)


def _edge_tooltip(attrs: dict[str, Any]) -> str:
    label = attrs.get("label", "")
    lines = [f"{label} (former)" if attrs.get("former") else label]
    lines += _source_lines(attrs.get("sources", []))
    return "\n".join(lines)


def _source_lines(sources: list[str]) -> list[str]:
    if not sources:
        return []
    lines = ["Sources:" if len(sources) > 1 else "Source:"]
    lines += [f"• {_shorten(s, 160)}" for s in sources[:_MAX_SOURCES]]
    if len(sources) > _MAX_SOURCES:
        lines.append(f"• … and {len(sources) - _MAX_SOURCES} more")
    return lines


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _darken(color: str, factor: float = 0.7) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


_SVG_SHAPES = {
    "dot": '<circle cx="10" cy="10" r="7"/>',
    "square": '<rect x="3" y="3" width="14" height="14"/>',
    "triangle": '<polygon points="10,2 18,17 2,17"/>',
    "triangleDown": '<polygon points="2,3 18,3 10,18"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
    "hexagon": '<polygon points="10,1.5 17.4,5.75 17.4,14.25 10,18.5 2.6,14.25 2.6,5.75"/>',
    "star": (
        '<polygon points="10,1 12.1,7.1 18.6,7.2 13.4,11.1 15.3,17.3 '
        '10,13.6 4.7,17.3 6.6,11.1 1.4,7.2 7.9,7.1"/>'
    ),
}


def _legend_html() -> str:
    items = []
    for kind, _ in KINDS:
        svg = (
            f'<svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" '
            f'fill="{html.escape(kind.color)}" stroke="{html.escape(_darken(kind.color))}">'
            f"{_SVG_SHAPES[kind.shape]}</svg>"
        )
        items.append(
            f'<li data-kind="{html.escape(kind.key)}" data-shape="{html.escape(kind.shape)}" '
            f'data-color="{html.escape(kind.color)}">{svg}<span>{html.escape(kind.label)}</span></li>'
        )
    return "\n".join(items)


def _script_json(data: Any) -> str:
    """JSON safe to sit inside a <script> element: no '<', '>' or '&' survive literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    # Legal in JSON, but line terminators in older JS engines; harmless to escape.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS, read from the installed pyvis package (not vendored)."""
    lib = importlib.resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    js = lib.joinpath("vis-network.min.js").read_text("utf-8")
    css = lib.joinpath("vis-network.css").read_text("utf-8")
    # These would end the inline element early (or switch the HTML parser into
    # script-escaped mode); refuse rather than ship a page that silently breaks.
    if re.search(r"</script|<!--", js, re.IGNORECASE) or re.search(r"</style", css, re.IGNORECASE):
        raise RuntimeError("pyvis's vis-network assets cannot be inlined safely")
    return js, css


def _csp(*scripts: str) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    )
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        # vis-network sets element styles at run time; styles cannot run code.
        "style-src 'unsafe-inline'; "
        # vis-network.css embeds its button icons as data: URLs.
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _write_atomic(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file owner-only; a report page should be readable like any other.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
