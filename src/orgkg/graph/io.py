"""Reading and writing graphs: formats by file extension, atomic writes."""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

# name -> (rdflib format, quads?)
FORMATS = {
    "turtle": ("turtle", False),
    "ttl": ("turtle", False),
    "trig": ("trig", True),
    "nq": ("nquads", True),
    "nquads": ("nquads", True),
    "nt": ("nt", False),
    "ntriples": ("nt", False),
    "jsonld": ("json-ld", True),
    "json-ld": ("json-ld", True),
}
EXTENSIONS = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nq",
    ".nt": "nt",
    ".jsonld": "jsonld",
    ".json": "jsonld",
}


class FormatError(ValueError):
    """An unknown output or input format."""


def format_for(path: str | Path, explicit: str | None = None) -> str:
    """The format name for a path (by extension) or the one asked for."""
    if explicit:
        if explicit.lower() not in FORMATS:
            raise FormatError(f"unknown format {explicit!r}; use one of: turtle, trig, nt, nq, jsonld")
        return explicit.lower()
    ext = Path(str(path)).suffix.lower()
    if ext not in EXTENSIONS:
        raise FormatError(f"cannot tell the format of {str(path)!r} from its extension; use --format")
    return EXTENSIONS[ext]


def union_graph(ds: Dataset) -> Graph:
    """All triples of every named graph (and the default graph) in one graph."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def serialize(ds: Dataset, fmt: str) -> bytes:
    """The dataset in a format: quad formats keep named graphs, triple formats take the union."""
    rdf_format, quads = FORMATS[fmt]
    if rdf_format == "trig":
        data = _trig(ds)
    elif quads:
        data = ds.serialize(format=rdf_format)
    else:
        data = union_graph(ds).serialize(format=rdf_format)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if rdf_format in ("nt", "nquads"):
        # rdflib writes lines in hash order; sort them so the same input gives the same bytes.
        lines = sorted(set(x for x in data.decode("utf-8").splitlines() if x.strip()))
        data = ("\n".join(lines) + "\n").encode("utf-8")
    elif rdf_format == "json-ld":
        # rdflib emits graphs and nodes in hash order; sort every (unordered) array.
        doc = _sorted_jsonld(json.loads(data.decode("utf-8")))
        data = (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    return data


def _trig(ds: Dataset) -> bytes:
    """TriG with the named graphs in IRI order (rdflib keeps them in a set: hash order)."""
    from rdflib.plugins.serializers.trig import TrigSerializer

    serializer = TrigSerializer(ds)
    default = ds.default_graph.identifier if isinstance(ds, Dataset) else None
    serializer.contexts.sort(key=lambda g: (g.identifier == default, str(g.identifier)))
    buf = io.BytesIO()
    serializer.serialize(buf, encoding="utf-8")
    return buf.getvalue()


def _sorted_jsonld(node: object) -> object:
    """JSON-LD with every array sorted, except @list values (the only ordered ones)."""
    if isinstance(node, dict):
        return {
            k: [_sorted_jsonld(x) for x in v] if k == "@list" and isinstance(v, list) else _sorted_jsonld(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        items = [_sorted_jsonld(x) for x in node]
        return sorted(items, key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
    return node


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write to a temp file beside the target, then rename: never half-written."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode any new file would get
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_graph(ds: Dataset, path: str | Path, fmt: str | None = None) -> None:
    write_atomic(path, serialize(ds, format_for(path, fmt)))


def load_graph(path: str | Path) -> Dataset:
    """Read a graph file (any of the formats) into a Dataset; triple formats go in the default graph."""
    path = Path(path)
    fmt = format_for(path)
    rdf_format, quads = FORMATS[fmt]
    ds = Dataset(default_union=True)
    if quads:
        ds.parse(path, format=rdf_format)
    else:
        ds.default_graph.parse(path, format=rdf_format)
    return ds
