"""A build killed mid-way (kill -9, Ctrl-C) leaves every article fully in the store or not at all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from orgkg.graph.store import KnowledgeBase
from orgkg.pipeline import build

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
N = 1500  # enough that the build takes many seconds (extraction runs ~200 articles/s)


def _batch(tmp_path: Path) -> Path:
    """A .jsonl of N articles: the fixtures, each copy under its own id and with its own people."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.iterdir())]
    path = tmp_path / "batch.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            text = texts[i % len(texts)].replace("Petrov", f"Petrov{i}").replace("Rahimova", f"Rahimova{i}")
            fh.write(json.dumps({"id": f"copy-{i:04d}", "text": text}) + "\n")
    return path


def _graphs(kb: KnowledgeBase) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in kb.quads():
        out.setdefault(q.graph_name.value, set()).add(str(q.triple))
    return out


def _interrupt(batch: Path, store: Path, sig: int, after: float) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-m", "orgkg", "build", str(batch), "--store", str(store), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    proc.send_signal(sig)
    return proc.wait(timeout=60)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    return _batch(tmp_path_factory.mktemp("crash"))


def _reference(batch: Path, k: int, tmp: Path) -> dict[str, set[str]]:
    """The first k articles' graphs as an uninterrupted build makes them (a build is
    sequential, so an interrupted one has stored a prefix of the batch)."""
    head = tmp / "head.jsonl"
    lines = batch.read_text(encoding="utf-8").splitlines(keepends=True)
    head.write_text("".join(lines[:k]), encoding="utf-8")
    kb = KnowledgeBase(None)
    build([head], store=kb)
    return _graphs(kb)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_build_leaves_whole_articles(tmp_path: Path, batch: Path, sig: int) -> None:
    store = tmp_path / "kb"
    # kill it once some articles are in (spaCy takes a second or two to load)
    for after in (3.0, 6.0, 12.0):
        rc = _interrupt(batch, store, sig, after)
        with KnowledgeBase(store) as kb:
            got = _graphs(kb)
            problems = kb.problems()
        if got:
            break
    assert rc != 0, "the build finished before it was interrupted: make the batch bigger"
    assert 0 < len(got) < N, f"{len(got)} articles stored"
    assert problems == []
    k = len(got)
    assert sorted(got) == [f"https://w3id.org/orgkg/id/article/copy-{i:04d}" for i in range(k)]
    expected = _reference(batch, k, tmp_path)
    for name, triples in got.items():
        assert triples == expected[name], f"{name} is not whole"
    if sig == signal.SIGINT:
        assert rc == 130
        return
    # running the build again completes the store, skipping what is in
    with KnowledgeBase(store) as kb:
        result = build([batch], store=kb)
        assert result.unchanged == k and result.articles == N - k
        assert len(kb.articles()) == N
        assert kb.problems() == []


def test_default_graph_is_not_left_behind(tmp_path: Path) -> None:
    """Oxigraph applies one update in one transaction: a failing replace changes nothing."""
    kb = KnowledgeBase(tmp_path / "kb")
    build([ARTICLES], store=kb)
    before = {str(q) for q in kb.store}
    name = kb.articles()[0]
    with pytest.raises(SyntaxError):
        # a replace whose insert part is broken: the drop must not happen either
        kb.store.update(kb._drop_article(name) + " ;\nINSERT DATA { <a> <b> }")
    assert {str(q) for q in kb.store} == before
    assert os.path.isdir(tmp_path / "kb")
    assert isinstance(next(iter(kb.store)), ox.Quad)
