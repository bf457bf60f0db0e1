"""Integration: orgkg against a real SPARQL server, Virtuoso Open Source.

A throwaway Virtuoso (Debian package ``virtuoso-opensource``; ``.ci/run`` installs it)
is started on 127.0.0.1 with free ports and a temporary database. The dev corpus
(``../shared/corpus/dev``; ``tests/fixtures/articles`` if absent) is built into a
knowledge base, pushed with ``orgkg push`` (twice: the second push changes nothing), and
every named query, with and without parameters, must give the same answers through
``orgkg query --endpoint`` as on the embedded store. Skipped only when ``virtuoso-t``
is not installed.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from orgkg.cli import app
from orgkg.graph.remote import Endpoint
from orgkg.graph.store import KnowledgeBase
from orgkg.query import named_queries

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
FIXTURES = REPO / "tests" / "fixtures" / "articles"
VIRTUOSO = shutil.which("virtuoso-t")
# the package's configuration (its postinst copies the template to /etc)
INI = next(
    (
        p
        for p in (
            Path("/etc/virtuoso-opensource-7/virtuoso.ini"),
            Path("/usr/share/virtuoso-opensource-7/virtuoso.ini"),
        )
        if p.is_file()
    ),
    Path("/etc/virtuoso-opensource-7/virtuoso.ini"),
)
USER, PASSWORD = "dba", "dba"  # a fresh Virtuoso database's administrator
INJECTION = 'x" ) } UNION { ?person ?p ?o } #'

# Realistic parameters (as in tests/query/test_named_on_dev.py): each finds something.
PARAMS = {
    "officials-of-body": {"org": "Eurasian Economic Commission"},
    "agreements-of-body": {"org": "ASEAN"},
    "meetings-of-person": {"person": "Mikhail Myasnikovich"},
    "meetings-between": {"org": "CIS", "from": "2015-01-01", "to": "2017-12-31"},
    "posts-as-of": {"org": "Eurasian Economic Commission", "date": "2021-01-01"},
    "sub-organizations": {"org": "SCO"},
}
# GROUP_CONCAT joins in no order SPARQL defines: compare these columns as sets of names.
JOINED = {"otherParties", "signatories"}

MISSING = "virtuoso-t is not installed (Debian package virtuoso-opensource; .ci/run installs it)"
# Skipped locally without Virtuoso; under CI (which installs it) a missing server fails.
pytestmark = pytest.mark.skipif(VIRTUOSO is None and not os.environ.get("CI"), reason=MISSING)

runner = CliRunner()


# ---------------------------------------------------------------- the server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_ini(template: Path, folder: Path, sql_port: int, http_port: int) -> Path:
    """The packaged virtuoso.ini, made private: database in ``folder``, loopback ports."""
    section, lines = None, []
    for line in template.read_text(encoding="utf-8").splitlines():
        head = re.match(r"\s*\[([^\]]+)\]", line)
        if head:
            section = head.group(1).strip()
        line = line.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
        key = line.split("=", 1)[0].strip() if "=" in line and not line.lstrip().startswith(";") else None
        if section == "Parameters" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif section == "HTTPServer" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif section == "URIQA" and key == "DefaultHost":
            line = f"DefaultHost = 127.0.0.1:{http_port}"
        elif key == "DirsAllowed":
            line = f"DirsAllowed = ., {folder}"
        elif key == "VADInstallDir":
            line = ";" + line  # no Conductor web UI: installing it takes ~10 s at first start
        elif key == "ResultSetMaxRows":
            line = "ResultSetMaxRows = 1000000"
        elif key == "MaxQueryExecutionTime":
            line = "MaxQueryExecutionTime = 600"
        elif section == "Plugins" and key and key.startswith("Load") and key != "LoadPath":
            line = ";" + line  # wiki hosting plugins: not needed
        lines.append(line)
    ini = folder / "virtuoso.ini"
    ini.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ini


def _launch(folder: Path) -> tuple[subprocess.Popen, str]:
    """Start Virtuoso (not waiting for it): the process and its SPARQL query URL."""
    sql_port, http_port = _free_port(), _free_port()
    ini = write_ini(INI, folder, sql_port, http_port)
    with (folder / "console.log").open("wb") as log:
        proc = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    return proc, f"http://127.0.0.1:{http_port}/sparql"


def _wait(proc: subprocess.Popen, url: str, folder: Path, timeout: float = 60.0) -> None:
    """Poll ``url?query=ASK{}`` until it answers 200; on failure stop it and raise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(url, params={"query": "ASK{}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    _stop(proc)
    tail = (folder / "console.log").read_text(errors="replace")[-2000:]
    raise RuntimeError(f"Virtuoso did not answer at {url} within {timeout:.0f} s:\n{tail}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def virtuoso(request, tmp_path_factory) -> str:
    """A throwaway Virtuoso on loopback (the knowledge base builds while it starts); its URL."""
    if VIRTUOSO is None:
        pytest.fail(MISSING)
    assert INI.is_file(), f"virtuoso-t is installed but {INI} is missing"
    folder = tmp_path_factory.mktemp("virtuoso")
    proc, url = _launch(folder)
    try:
        request.getfixturevalue("store")  # build meanwhile: both take seconds
        try:
            _wait(proc, url, folder)
        except RuntimeError:  # e.g. a port taken between choosing and binding: once more
            folder = tmp_path_factory.mktemp("virtuoso")
            proc, url = _launch(folder)
            _wait(proc, url, folder)
        yield url
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """The dev corpus (or the fixture articles) built into a knowledge base."""
    path = tmp_path_factory.mktemp("kb") / "kb"
    source = CORPUS if CORPUS.is_dir() else FIXTURES
    res = runner.invoke(app, ["build", str(source), "--store", str(path), "--quiet"])
    assert res.exit_code == 0, res.output
    return path


@pytest.fixture(scope="module")
def pushed(virtuoso: str, store: Path) -> str:
    res = runner.invoke(
        app, ["push", str(store), "--endpoint", virtuoso, "--user", USER, "--password", PASSWORD]
    )
    assert res.exit_code == 0, res.output
    return virtuoso


# ---------------------------------------------------------------- helpers


def _kb_counts(store: Path) -> tuple[list[str], int]:
    with KnowledgeBase(store, read_only=True) as kb:
        return kb.graphs(), sum(1 for _ in kb.quads())


def _rows(csv_text: str) -> tuple[list[str], set[tuple[str, ...]]]:
    reader = csv.reader(io.StringIO(csv_text))
    header = next(reader)
    rows = set()
    for row in reader:
        rows.add(
            tuple(
                "; ".join(sorted(v.split("; "))) if name in JOINED else v
                for name, v in zip(header, row, strict=True)
            )
        )
    return header, rows


def _query(*args: str) -> str:
    res = runner.invoke(app, ["query", *args, "--format", "csv"])
    assert res.exit_code == 0, res.output
    return res.stdout


def _param_args(params: dict[str, str]) -> list[str]:
    return [a for k, v in params.items() for a in ("--param", f"{k}={v}")]


CASES = [(name, {}) for name in sorted(named_queries())] + sorted(PARAMS.items())


# ---------------------------------------------------------------- tests


def test_push_puts_every_graph_and_again_changes_nothing(pushed: str, store: Path) -> None:
    graphs, quads = _kb_counts(store)
    with Endpoint(pushed) as ep:
        assert ep.graphs() == graphs
        assert ep.triple_count() == quads
    res = runner.invoke(app, ["push", str(store), "-e", pushed, "-u", USER, "--password", PASSWORD])
    assert res.exit_code == 0, res.output
    assert f"pushed {len(graphs)} graphs, {quads} triples" in res.stderr
    with Endpoint(pushed) as ep:
        assert ep.graphs() == graphs
        assert ep.triple_count() == quads


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}{'+params' if p else ''}" for n, p in CASES])
def test_named_query_answers_as_on_the_embedded_store(pushed: str, store: Path, name: str, params) -> None:
    args = [name, *_param_args(params)]
    local_header, local = _rows(_query(str(store), *args))
    remote_header, remote = _rows(_query("--endpoint", pushed, *args))
    assert remote_header == local_header
    if params and CORPUS.is_dir():
        assert local, f"{name} {params} finds nothing on the dev corpus"
    assert remote == local, (
        f"{name}: only on Virtuoso {sorted(remote - local)[:3]}; only embedded {sorted(local - remote)[:3]}"
    )


def test_a_value_that_would_break_out_of_the_query_matches_nothing(pushed: str) -> None:
    _, rows = _rows(_query("--endpoint", pushed, "officials-of-body", "--param", f"org={INJECTION}"))
    assert rows == set()
    with Endpoint(pushed) as ep:
        res = ep.query("SELECT ?x WHERE { BIND(?name AS ?x) }", {"name": INJECTION})
    assert [str(r[0]) for r in res.rows] == [INJECTION]


def test_ask_and_construct_answer_as_on_the_embedded_store(pushed: str, store: Path) -> None:
    ask = "ASK { ?s a org:Organization }"
    construct = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a org:Organization ; rdfs:label ?l }"
    with KnowledgeBase(store, read_only=True) as kb, Endpoint(pushed) as ep:
        assert ep.query(ask).boolean is kb.query(ask).boolean is True
        assert set(ep.query(construct).graph) == set(kb.query(construct).graph)


def test_viz_draws_the_servers_graphs(pushed: str, tmp_path: Path) -> None:
    page = tmp_path / "remote.html"
    res = runner.invoke(app, ["viz", "--endpoint", pushed, "--output", str(page)])
    assert res.exit_code == 0, res.output
    html = page.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "vis" in html.lower()


def test_wrong_password_and_no_server_are_one_line_errors(virtuoso: str, store: Path) -> None:
    res = runner.invoke(app, ["push", str(store), "-e", virtuoso, "-u", USER, "--password", "wrong"])
    assert res.exit_code == 1
    assert "401" in res.stderr and "Traceback" not in res.output
    assert len(res.stderr.strip().splitlines()) == 1
    dead = f"http://127.0.0.1:{_free_port()}/sparql"
    for args in (["push", str(store), "-e", dead], ["query", "-e", dead, "ASK {}"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 1, res.output
        assert "cannot reach" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_credentials_from_the_environment(virtuoso: str, store: Path) -> None:
    env = {"ORGKG_ENDPOINT_USER": USER, "ORGKG_ENDPOINT_PASSWORD": PASSWORD}
    res = runner.invoke(app, ["push", str(store), "-e", virtuoso], env=env)
    assert res.exit_code == 0, res.output
