"""The command line end to end, as a user sees it: exit codes, stdout, stderr, files.

The build -> query chain, the exit codes and the bad-input batch run ``python -m orgkg``
in a subprocess; the rest use Typer's CliRunner (same code, no interpreter start-up).
Articles come from ``tests/fixtures/articles`` (invented officials and bodies) and,
where noted, from the real dev corpus (``../shared/corpus/dev``, skipped if absent).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from typer.testing import CliRunner

from orgkg.cli import app

HERE = Path(__file__).parent
ARTICLES = HERE / "fixtures" / "articles"
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus" / "dev"

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
OKG = Namespace("https://w3id.org/orgkg/ontology#")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_STATEMENT = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement")
ID = "https://w3id.org/orgkg/id/"
FIXTURE_IDS = {"eurasian-council-minsk", "nordic-river-memorandum", "southern-forum"}
# A value that would break out of a query if it were pasted into the text.
INJECTION = 'x" ) } UNION { ?person ?p ?o } #'
SUBCOMMANDS = ["build", "query", "export", "viz", "validate", "stats", "explain"]
EXPORT_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}

runner = CliRunner()


# ---------------------------------------------------------------- helpers


def orgkg(*args: str | Path, stdin: str | bytes | None = None, cwd: Path | None = None):
    """Run ``python -m orgkg ARGS`` as a user would; returns the CompletedProcess (text)."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "orgkg", *map(str, args)],
        input=data,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=180,
        stdin=None if data is not None else subprocess.DEVNULL,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def cli(*args: str | Path):
    """The same command through CliRunner (stdout and stderr kept apart)."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def assert_one_line_error(proc, code: int = 2) -> str:
    """Exit ``code``, no traceback, and exactly one non-blank line on stderr."""
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error:"), lines[0]
    return lines[0]


def load(path: Path) -> Dataset:
    ds = Dataset()
    fmt = {".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}.get(path.suffix)
    if fmt:
        ds.parse(path, format=fmt)
    else:
        ds.default_graph.parse(path, format="turtle")
    return ds


def triples(ds: Dataset) -> set:
    return {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}


def named_graphs(ds: Dataset) -> set[str]:
    return {
        str(c)
        for *_, c in ds.quads((None, None, None, None))
        if c is not None and c != ds.default_graph.identifier
    }


def select_rows(proc) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(proc.stdout)))


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def build_run(work: Path):
    """``orgkg build tests/fixtures/articles --output x.trig`` in a subprocess."""
    out = work / "x.trig"
    proc = orgkg("build", ARTICLES, "--output", out)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return out, proc


@pytest.fixture(scope="module")
def built(build_run) -> Path:
    return build_run[0]


# ---------------------------------------------------------------- build -> query (subprocess)


def test_build_writes_one_named_graph_per_article_and_a_summary(built: Path) -> None:
    ds = load(built)
    assert named_graphs(ds) == {f"{ID}article/{a}" for a in FIXTURE_IDS}
    assert any(p == RDF_TYPE and o == ORG.Membership for _, p, o in triples(ds))


def test_build_summary_counts_articles(build_run) -> None:
    _, proc = build_run
    assert proc.stdout == ""  # the summary goes to stderr, stdout stays clean for pipes
    assert re.search(r"articles\s*\S*\s*3\b", proc.stderr), proc.stderr
    assert "skipped inputs" in proc.stderr


def test_query_named_with_param(built: Path) -> None:
    proc = orgkg(
        "query", built, "officials-of-body", "--param", "org=Eurasian Economic Commission", "-f", "csv"
    )
    assert proc.returncode == 0, proc.stderr
    names = {row["name"] for row in select_rows(proc)}
    assert {"Ivan Petrov", "Olga Sidorenko"} <= names
    assert "Erik Holm" not in names  # an official of another body


def test_query_named_table_is_readable(built: Path) -> None:
    res = cli("query", built, "meetings-of-person", "--param", "person=Ivan Petrov")
    assert res.exit_code == 0, res.output
    assert "Ivan" in res.stdout and "Minsk" in res.stdout


def test_query_rq_file(built: Path, work: Path) -> None:
    rq = work / "people.rq"
    rq.write_text(
        "SELECT ?name WHERE { ?p a foaf:Person ; rdfs:label ?name } ORDER BY ?name\n", encoding="utf-8"
    )
    res = cli("query", built, rq, "--format", "tsv")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0] == "?name"
    assert '"Erik Holm"' in lines[1:]
    assert lines[1:] == sorted(lines[1:])


def test_query_inline_sparql_json_is_sparql_results_json(built: Path) -> None:
    q = (
        "SELECT ?e ?d ?where WHERE { ?e a schema:Event ; schema:startDate ?d "
        "OPTIONAL { ?e schema:location ?where } }"
    )
    proc = orgkg("query", built, q, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["head"]["vars"] == ["e", "d", "where"]
    bindings = doc["results"]["bindings"]
    assert bindings, "the fixtures hold dated events"
    for b in bindings:
        assert set(b) <= {"e", "d", "where"}
        for term in b.values():
            assert term["type"] in ("uri", "literal", "bnode")
            assert isinstance(term["value"], str)
            assert set(term) <= {"type", "value", "datatype", "xml:lang"}
        assert b["e"]["type"] == "uri"
        assert b["d"]["type"] == "literal"
    dates = {b["d"]["value"] for b in bindings}
    assert "2023-03-03" in dates
    xsd_date = [b["d"] for b in bindings if b["d"]["value"] == "2023-03-03"][0]
    assert xsd_date["datatype"] == "http://www.w3.org/2001/XMLSchema#date"


def test_query_ask_and_construct(built: Path) -> None:
    ask = cli("query", built, "ASK { ?m a org:Membership }")
    assert ask.exit_code == 0 and ask.stdout.strip() == "true"
    construct = cli("query", built, "CONSTRUCT { ?p a foaf:Person } WHERE { ?p a foaf:Person }")
    assert construct.exit_code == 0
    g = Graph().parse(data=construct.stdout, format="turtle")
    assert URIRef(f"{ID}person/ivan-petrov") in set(g.subjects())


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_query_param_is_bound_as_a_term_not_pasted(built: Path, fmt: str) -> None:
    """A value that would escape a pasted-in string matches nothing and breaks nothing."""
    res = cli("query", built, "officials-of-body", "--param", f"org={INJECTION}", "--format", fmt)
    assert res.exit_code == 0, res.output
    if fmt == "json":
        assert json.loads(res.stdout)["results"]["bindings"] == []
    else:
        assert len([ln for ln in res.stdout.splitlines() if ln.strip()]) == 1  # the header only


def test_query_param_that_matches_nothing_gives_no_rows(built: Path) -> None:
    for query, param in (("officials-of-body", "org"), ("meetings-of-person", "person")):
        res = cli("query", built, query, "--param", f"{param}=Nobody Of That Name", "-f", "csv")
        assert res.exit_code == 0, res.output
        assert res.stdout.splitlines()[1:] == [], (query, res.stdout)


def test_query_param_in_inline_sparql(built: Path) -> None:
    q = "SELECT ?p WHERE { ?p rdfs:label ?name }"
    hit = cli("query", built, q, "--param", "name=Ivan Petrov", "-f", "csv")
    assert hit.stdout.splitlines()[1:] == [f"{ID}person/ivan-petrov"]
    miss = cli("query", built, q, "--param", f"name={INJECTION}", "-f", "csv")
    assert miss.exit_code == 0 and miss.stdout.splitlines()[1:] == []


# ---------------------------------------------------------------- exit codes (subprocess)


def test_missing_input_path(work: Path) -> None:
    line = assert_one_line_error(orgkg("build", work / "no-such-dir", "-o", work / "never.trig"))
    assert "no-such-dir" in line
    assert not (work / "never.trig").exists()


def test_missing_graph_path(work: Path) -> None:
    line = assert_one_line_error(orgkg("query", work / "nope.trig", "officials-of-body"))
    assert "nope.trig" in line


def test_malformed_sparql(built: Path) -> None:
    line = assert_one_line_error(orgkg("query", built, "SELECT ?x WHERE { ?x a "))
    assert "SPARQL" in line or "syntax" in line.lower()


def test_unknown_named_query(built: Path) -> None:
    line = assert_one_line_error(orgkg("query", built, "no-such-query"))
    assert "no-such-query" in line
    assert "officials-of-body" in line  # says what there is


@pytest.mark.parametrize(
    "args",
    [
        ["query", "{graph}", "officials-of-body", "--format", "xml"],
        ["export", "{graph}", "--format", "rdfxml"],
        ["build", str(ARTICLES), "-o", "{work}/out.ttl", "--format", "rdfxml"],
        ["build", str(ARTICLES), "-o", "{work}/out.rdf"],
    ],
    ids=["query", "export", "build", "build-extension"],
)
def test_unknown_format(built: Path, work: Path, args: list[str]) -> None:
    argv = [a.format(graph=built, work=work) for a in args]
    assert_one_line_error(orgkg(*argv))


def test_bad_inputs_are_named_and_the_rest_built(work: Path) -> None:
    batch = work / "batch"
    shutil.copytree(ARTICLES, batch)
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(b"Headline\n\n2020-01-01\n\n\x00\x01\x02\xff\xfe body")
    (batch / "latin1.txt").write_bytes(
        "Café council meets\n\n2020-01-01\n\nMinister of Trade of France Jean Dupré visited Lyon.\n".encode(
            "latin-1"
        )
    )
    (batch / "odd [name].txt").write_bytes(b"   \n\n")
    out = work / "batch.trig"
    proc = orgkg("build", batch, "-o", out)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if ln.startswith("warning:")]
    for name in ("empty.txt", "binary.txt", "latin1.txt", "odd [name].txt"):
        assert any(name in w for w in warnings), (name, proc.stderr)
    assert any("latin1.txt" in w and "UTF-8" in w for w in warnings)
    assert named_graphs(load(out)) == {f"{ID}article/{a}" for a in FIXTURE_IDS}


def test_stdin(work: Path) -> None:
    text = (ARTICLES / "southern-forum.txt").read_text(encoding="utf-8")
    out = work / "stdin.ttl"
    res = runner.invoke(app, ["build", "-", "-o", str(out), "-q"], input=text.encode("utf-8"))
    assert res.exit_code == 0, res.output
    g = Graph().parse(out, format="turtle")
    headlines = {str(o) for o in g.objects(None, SCHEMA.headline)}
    assert headlines == {"Secretary-General of the Southern Trade Forum visits Tashkent"}
    assert URIRef(f"{ID}person/amina-rahimova") in set(g.subjects())


def test_empty_stdin_is_skipped_with_exit_3(work: Path) -> None:
    res = runner.invoke(app, ["build", "-", "-o", str(work / "empty-stdin.ttl"), "-q"], input=b"\n \n")
    assert res.exit_code == 3, res.output
    assert "stdin" in res.stderr and "warning" in res.stderr


# ---------------------------------------------------------------- input kinds (CliRunner)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Mountain Water Agency signs accord with Georgia</title>
<meta property="article:published_time" content="2019-05-20T09:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Mountain Water Agency signs accord with Georgia</h1>
<p>Director of the Mountain Water Agency Levan Beridze and Minister of Economy of Georgia Nino Kapanadze
signed an agreement on cooperation in Tbilisi on May 20.</p>
<p>The agreement covers water supply in mountain regions &amp; joint research.</p>
</article><footer>Copyright 2019 Example News</footer></body></html>
"""

JSONL = [
    {
        "id": "lake-council",
        "title": "Lake Council meets in Riga",
        "date": "2020-06-02",
        "text": "Chairman of the Lake Council Marta Ozola took part in the meeting of the Lake Council "
        "held in Riga on June 2.",
    },
    None,  # a broken line
    {
        "title": "Harbour Board session",
        "date": "2020-07-09",
        "url": "https://example.org/harbour",
        "text": "Secretary of the Harbour Board Tomas Lind attended the session of the Harbour Board "
        "in Tallinn on July 9.",
    },
]


def test_html_input(work: Path) -> None:
    page = work / "accord.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    out = work / "html.ttl"
    res = cli("build", page, "-o", out, "-q")
    assert res.exit_code == 0, res.output
    g = Graph().parse(out, format="turtle")
    art = URIRef(f"{ID}article/accord")
    assert str(g.value(art, SCHEMA.headline)) == "Mountain Water Agency signs accord with Georgia"
    assert str(g.value(art, SCHEMA.datePublished)) == "2019-05-20"
    labels = {str(o) for o in g.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert "Levan Beridze" in labels
    assert not any("Copyright" in x or "Home" == x for x in labels)


def test_markdown_input_drops_the_heading_mark(built: Path) -> None:
    ds = load(built)
    art = URIRef(f"{ID}article/nordic-river-memorandum")
    headline = {str(o) for s, p, o in triples(ds) if s == art and p == SCHEMA.headline}
    assert headline == {"Nordic River Authority and Kazakhstan sign memorandum of cooperation"}


def test_jsonl_with_a_bad_line(work: Path) -> None:
    path = work / "feed.jsonl"
    lines = [json.dumps(r) if r else '{"id": "broken", "title": "unterminated' for r in JSONL]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = work / "feed.trig"
    res = cli("build", path, "-o", out, "-q")
    assert res.exit_code == 3, res.output
    assert f"{path}:2" in res.stderr  # the bad line, by number
    graphs = named_graphs(load(out))
    assert f"{ID}article/lake-council" in graphs
    assert len(graphs) == 2
    harbour = [g for g in graphs if "harbour" in g]
    assert harbour, graphs


def test_gold_json_passed_over_silently_and_listed_with_verbose(work: Path) -> None:
    d = work / "with-gold"
    shutil.copytree(ARTICLES, d)
    (d / "southern-forum.gold.json").write_text('{"entities": [], "facts": []}', encoding="utf-8")
    quiet = cli("build", d, "-o", work / "gold.ttl", "-q")
    assert quiet.exit_code == 0, quiet.output
    assert "gold.json" not in quiet.stderr and "warning" not in quiet.stderr
    loud = cli("build", d, "-o", work / "gold.ttl", "-q", "--verbose")
    assert loud.exit_code == 0, loud.output
    assert "southern-forum.gold.json" in loud.stderr
    assert "warning" not in loud.stderr


# ---------------------------------------------------------------- export, viz, stats, help


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_export_every_format_reparses_to_the_union(built: Path, work: Path, fmt: str) -> None:
    union = triples(load(built))
    out = work / f"export.{fmt}"
    res = cli("export", built, "--format", fmt, "--output", out)
    assert res.exit_code == 0, res.output
    ds = Dataset()
    if EXPORT_FORMATS[fmt] in ("turtle", "nt"):
        ds.default_graph.parse(out, format=EXPORT_FORMATS[fmt])
    else:
        ds.parse(out, format=EXPORT_FORMATS[fmt])
    assert len(triples(ds)) == len(union)
    assert triples(ds) == union
    if fmt in ("trig", "nq", "jsonld"):
        assert named_graphs(ds) == named_graphs(load(built))


def test_export_to_stdout(built: Path) -> None:
    res = cli("export", built, "--format", "nt")
    assert res.exit_code == 0
    g = Graph().parse(data=res.stdout, format="nt")
    assert len(g) == len(triples(load(built)))


def test_rapper_reads_exported_turtle(built: Path, work: Path) -> None:
    rapper = shutil.which("rapper") or ("/usr/bin/rapper" if Path("/usr/bin/rapper").exists() else None)
    if rapper is None:
        if os.environ.get("CI"):
            pytest.fail("rapper (Debian raptor2-utils) is not installed")
        pytest.skip("rapper (Debian raptor2-utils) is not installed")
    out = work / "rapper.ttl"
    assert cli("export", built, "--format", "turtle", "-o", out).exit_code == 0
    proc = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(out)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"returned (\d+) triples?", proc.stderr)
    assert m, proc.stderr
    assert int(m.group(1)) == len(Graph().parse(out, format="turtle"))


def test_viz_writes_offline_html(built: Path, work: Path) -> None:
    out = work / "graph.html"
    res = cli("viz", built, "--output", out)
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html[:500].lower()
    assert "Ivan Petrov" in html
    remote = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, flags=re.IGNORECASE)
    assert remote == []
    assert not re.search(r"""@import\s+(?:url\()?["']?https?:""", html, flags=re.IGNORECASE)
    assert not list(work.glob(".graph.html.*"))


def test_stats_shows_counts(built: Path) -> None:
    res = cli("stats", built)
    assert res.exit_code == 0, res.output
    ds = load(built)
    people = {
        s for s, p, o in triples(ds) if p == RDF_TYPE and o == URIRef("http://xmlns.com/foaf/0.1/Person")
    }
    assert re.search(rf"foaf:Person\s*\S*\s*{len(people)}\b", res.stdout), res.stdout
    assert re.search(r"org:Membership\s*\S*\s*\d+", res.stdout)
    assert re.search(r"rdf:type\s*\S*\s*\d+", res.stdout)
    assert "named graphs: 3" in res.stdout


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help_has_an_example(command: str) -> None:
    res = runner.invoke(app, [command, "--help"])
    assert res.exit_code == 0, res.output
    assert "Example" in res.stdout


def test_python_m_orgkg_help() -> None:
    proc = orgkg("--help")
    assert proc.returncode == 0
    for command in SUBCOMMANDS:
        assert command in proc.stdout


# ---------------------------------------------------------------- min-confidence


def _confidences(path: Path) -> list[Decimal]:
    return [o.toPython() for _, p, o in triples(load(path)) if p == OKG.confidence]


def _statement_count(path: Path) -> int:
    return len({s for s, p, o in triples(load(path)) if p == RDF_TYPE and o == RDF_STATEMENT})


def test_min_confidence_keeps_only_confident_facts(work: Path) -> None:
    everything, confident = work / "all.trig", work / "confident.trig"
    assert cli("build", ARTICLES, "-o", everything, "-q").exit_code == 0
    threshold = sorted(set(_confidences(everything)))[len(set(_confidences(everything))) // 2]
    assert cli("build", ARTICLES, "-o", confident, "-q", "--min-confidence", str(threshold)).exit_code == 0
    assert _statement_count(confident) <= _statement_count(everything)
    assert all(c >= threshold for c in _confidences(confident))
    assert _confidences(confident), "the threshold is a confidence the graph has"
    stricter = work / "none.trig"
    assert cli("build", ARTICLES, "-o", stricter, "-q", "--min-confidence", "1.01").exit_code == 0
    assert _statement_count(stricter) == 0
    assert _confidences(stricter) == []


# ---------------------------------------------------------------- atomic writes


def test_failed_serialisation_leaves_the_old_output(work: Path, monkeypatch) -> None:
    out = work / "kept.trig"
    out.write_text("old contents\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("serializer exploded")

    monkeypatch.setattr("orgkg.graph.io.serialize", boom)
    res = runner.invoke(app, ["build", str(ARTICLES), "-o", str(out), "-q"])
    assert res.exit_code != 0
    assert out.read_text(encoding="utf-8") == "old contents\n"
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".kept.trig")) == []


def test_failed_write_leaves_the_old_output_and_no_temp_file(work: Path, monkeypatch) -> None:
    """The disk fills up half-way: one-line error, old file intact, temp file gone."""
    out = work / "kept2.ttl"
    out.write_text("old contents\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("orgkg.graph.io.os.fsync", full)
    res = runner.invoke(app, ["build", str(ARTICLES), "-o", str(out), "-q"])
    assert res.exit_code == 1, res.output
    assert "No space left on device" in res.stderr and "Traceback" not in res.output
    assert out.read_text(encoding="utf-8") == "old contents\n"
    assert [p.name for p in work.iterdir() if p.name.startswith(".kept2.ttl")] == []


# ---------------------------------------------------------------- validate


def test_validate_passes_on_build_output(built: Path) -> None:
    proc = orgkg("validate", built)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conforms" in proc.stdout


def test_validate_fails_readably_on_a_broken_graph(built: Path, work: Path) -> None:
    ds = Dataset()
    ds.parse(built, format="trig")
    quads = list(ds.quads((None, ORG.member, None, None)))
    assert quads
    membership = quads[0][0]
    for s, p, o, c in quads:
        if s == membership:
            ds.remove((s, p, o, c))
    broken = work / "broken.trig"
    broken.write_text(ds.serialize(format="trig"), encoding="utf-8")
    proc = orgkg("validate", broken)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    report = proc.stdout + proc.stderr
    assert "Traceback" not in report
    assert str(membership) in report or membership.split("/")[-1] in report
    assert "member" in report


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the dev corpus (../shared/corpus/dev) is not here")
def test_dev_corpus_build_conforms_to_the_shapes(work: Path) -> None:
    """``orgkg build`` on the real corpus, then ``orgkg validate`` (in-process: the extractor is loaded)."""
    out = work / "dev.trig"
    res = cli("build", CORPUS, "-o", out, "-q")
    assert res.exit_code == 0, res.stderr
    assert len(named_graphs(load(out))) == len(list(CORPUS.glob("*.txt")))
    res = cli("validate", out)
    assert res.exit_code == 0, res.stdout[-3000:]
    assert "conforms" in res.stdout


# ---------------------------------------------------------------- explain


def test_explain_lists_each_fact_with_evidence_rule_and_confidence() -> None:
    article = ARTICLES / "eurasian-council-minsk.txt"
    proc = cli("explain", article, "--format", "json")
    assert proc.exit_code == 0, proc.output
    rows = json.loads(proc.stdout)
    assert rows and {"kind", "subject", "object", "rule", "confidence", "start", "end", "sentence"} <= set(
        rows[0]
    )
    from orgkg.ingest import read_inputs

    (art,) = list(read_inputs([article]))
    for r in rows:
        assert art.text[r["start"] : r["end"]] == r["sentence"]
        assert 0 < r["confidence"] <= 1
    strict = json.loads(cli("explain", article, "--format", "json", "--min-confidence", "0.85").stdout)
    assert len(strict) < len(rows) and all(r["confidence"] >= 0.85 for r in strict)
    table = cli("explain", article)
    assert table.exit_code == 0 and rows[0]["rule"] in table.stdout


def test_explain_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    assert_one_line_error(orgkg("explain", tmp_path / "nope.txt"))
