"""The on-disk knowledge base at scale, side by side with a plain in-memory rdflib Graph.

    .venv/bin/python benchmarks/kb.py                 # >= 1,000,000 triples (~10 minutes)
    .venv/bin/python benchmarks/kb.py --small         # ~20,000 triples, a quick check
    .venv/bin/python benchmarks/kb.py --triples 2000000 --reps 30 --rdflib-reps 3 --timeout 120

Steps, in one run:

1. size the batch: a pilot of 150 synthetic articles (benchmarks/generate.py) gives the
   triples one article adds to the merged graph; --articles overrides;
2. build: the articles go through the real pipeline (``orgkg.pipeline.build``) into a
   fresh on-disk ``KnowledgeBase``, one transaction each (articles/s, triples/s); if the
   merged graph falls short of --triples, more articles follow;
3. every named query (ontology/queries/*.rq), with parameter values taken from the
   generated world (the most written-about body, a country, a person, a date range), runs
   --reps times on the store (``kb.query``) after one warm-up: p50 / p95;
4. Turtle export of the store (``kb.export("turtle")``); peak RSS of this process so far
   (the store side: generation, extraction, store, queries, export);
5. the rdflib baseline, in a child process so that its memory is measured on its own:
   parse the store's merged graph (N-Triples) into a plain ``rdflib.Graph`` ("load"),
   run the same queries (--rdflib-reps times, each stopped after --timeout seconds;
   the query's text is parsed beforehand, as ``run_query`` caches it), serialize Turtle;
6. one table: both sides, the ratio, and PASS/FAIL against the targets on 1M triples:
   a named query with <= 1,000 rows: p50 <= 50 ms and >= 20x faster than rdflib;
   export >= 30x faster than rdflib's serializer; peak RSS (store side) <= 1 GB.
   The two sides must return the same number of rows (a warning says when not).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402

TARGET_P50_MS = 50.0
TARGET_QUERY_RATIO = 20.0
TARGET_EXPORT_RATIO = 30.0
TARGET_RSS_MB = 1024.0
SMALL_ROWS = 1000


def peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between the closest ranks."""
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    k = (len(xs) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the cases


def cases(sample: dict, years: tuple[int, int]) -> list[tuple[str, str, dict]]:
    """(query name, label, params) for every named query; a query not listed runs bare."""
    from orgkg.query import named_queries

    body, country, person = sample["body"], sample["country"], sample["person"]
    y0, y1 = years
    mid = (y0 + y1) // 2
    wanted = [
        ("agreements-of-body", "org=body", {"org": body}),
        ("bodies-that-met", "", {}),
        ("facts-with-evidence", "", {}),
        ("meetings-between", "org=body, 3 years", {"org": body, "from": f"{mid}-01", "to": f"{mid + 2}-12"}),
        ("meetings-of-person", "person=name", {"person": person}),
        ("officials-of-body", "org=body", {"org": body}),
        ("officials-of-body", "org=country", {"org": country}),
        ("posts-as-of", "org=body, date", {"org": body, "date": f"{mid}-06-30"}),
        ("posts-as-of", "org=country, date", {"org": country, "date": f"{mid}-06-30"}),
        ("sub-organizations", "org=body", {"org": body}),
    ]
    names = named_queries()
    out = [c for c in wanted if c[0] in names]
    covered = {c[0] for c in out}
    out += [(n, "", {}) for n in names if n not in covered]
    return sorted(out, key=lambda c: c[0])


# ---------------------------------------------------------------- rdflib side (child process)


class Timeout(BaseException):  # noqa: N818 - not an Exception: run_query must not wrap it
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise Timeout


def rdflib_worker(nt_path: str, cases_path: str, reps: int, timeout: float, out_path: str) -> None:
    from rdflib import Graph

    from orgkg.pipeline import PREFIXES
    from orgkg.query import resolve_query, run_query

    res: dict = {"rss_start_mb": rss_mb()}
    t0 = time.perf_counter()
    g = Graph()
    g.parse(nt_path, format="nt")
    res["load_s"] = time.perf_counter() - t0
    res["triples"] = len(g)
    res["rss_loaded_mb"] = rss_mb()
    log(f"  rdflib: loaded {len(g):,} triples in {res['load_s']:.1f} s, RSS {res['rss_loaded_mb']:.0f} MB")
    signal.signal(signal.SIGALRM, _alarm)
    results = []
    for name, label, params in json.loads(Path(cases_path).read_text()):
        text = resolve_query(name)
        run_query(Graph(), text, params)  # parse + translate once (cached), as in real use
        times: list[float] = []
        rows = None
        timed_out = False
        for _ in range(reps):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            t = time.perf_counter()
            try:
                r = run_query(g, text, params)
                rows = len(r)
            except Timeout:
                timed_out = True
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t)
            if times[-1] > timeout / 3:  # a slow query: one run is enough
                break
        results.append({"name": name, "label": label, "times": times, "rows": rows, "timeout": timed_out})
        shown = f"{statistics.median(times) * 1000:,.0f} ms" if times else f"> {timeout:.0f} s (stopped)"
        log(f"  rdflib: {name} [{label}] {shown}, {rows} rows")
    res["queries"] = results
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    t = time.perf_counter()
    data = g.serialize(format="turtle", encoding="utf-8")
    res["export_s"] = time.perf_counter() - t
    res["export_bytes"] = len(data)
    log(f"  rdflib: Turtle export {res['export_s']:.1f} s")
    del data
    res["peak_rss_mb"] = peak_rss_mb()
    Path(out_path).write_text(json.dumps(res))


# ---------------------------------------------------------------- store side


def write_articles(path: Path, stream, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(n):
            fh.write(json.dumps(next(stream), ensure_ascii=False) + "\n")


def pilot_rate(seed: int, n: int = 150) -> float:
    """Triples one article adds to the merged graph, from a small in-memory build."""
    from orgkg.graph.store import KnowledgeBase
    from orgkg.pipeline import build

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "pilot.jsonl"
        write_articles(p, generate.articles(n, seed), n)
        kb = KnowledgeBase(None)
        build([p], store=kb)
        return len(kb) / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="merged-graph triples to reach")
    ap.add_argument("--articles", type=int, help="articles to build (default: sized from --triples)")
    ap.add_argument("--small", action="store_true", help="about 20,000 triples: a quick check")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=20, help="runs of each query on the store")
    ap.add_argument("--rdflib-reps", type=int, default=3, help="runs of each query on rdflib")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before an rdflib query is stopped")
    ap.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline")
    ap.add_argument("--workdir", type=Path, help="where the articles and the store go (default: a temp dir)")
    ap.add_argument(
        "--reuse-store",
        action="store_true",
        help="query the store already in --workdir (no generation, no build: no build figures)",
    )
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--rdflib-worker", nargs=3, metavar=("NT", "CASES", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.rdflib_worker:
        nt, cases_path, out = args.rdflib_worker
        rdflib_worker(nt, cases_path, args.rdflib_reps, args.timeout, out)
        return

    if args.small:
        args.triples = 20_000
    from orgkg.graph.store import KnowledgeBase
    from orgkg.pipeline import build
    from orgkg.query import resolve_query

    work = args.workdir or Path(tempfile.mkdtemp(prefix="orgkg-kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    store_dir = work / "store"
    if not args.reuse_store:
        shutil.rmtree(store_dir, ignore_errors=True)

    # 1. sizing
    if args.reuse_store:
        n = len(KnowledgeBase(store_dir, read_only=True).articles())
        target = 0
    elif args.articles:
        n = args.articles
        target = 0
    else:
        rate = pilot_rate(args.seed)
        target = args.triples
        n = math.ceil(target / rate * 1.03)
        log(f"pilot: {rate:.0f} merged triples per article -> {n:,} articles for {target:,} triples")

    # 2. generate + build
    world = generate.World(n, args.seed)
    stream = (generate.article(world, i) for i in range(10**9))
    batch = work / "articles-0.jsonl"
    if not args.reuse_store:
        t = time.perf_counter()
        write_articles(batch, stream, n)
        gen_s = time.perf_counter() - t
        log(f"generated {n:,} articles in {gen_s:.1f} s -> {batch}")
    kb = KnowledgeBase(store_dir)
    built = n if args.reuse_store else 0
    build_s = 0.0
    extra = 0
    while not args.reuse_store:
        t = time.perf_counter()
        r = build([batch], store=kb)
        kb.flush()
        build_s += time.perf_counter() - t
        built += r.articles
        if r.skipped:
            log(f"warning: {len(r.skipped)} articles skipped, e.g. {r.skipped[0]}")
        triples = len(kb)
        log(f"built {built:,} articles in {build_s:.1f} s: {triples:,} merged triples")
        if triples >= target:
            break
        extra += 1
        more = math.ceil((target - triples) / (triples / built) * 1.05) + 10
        batch = work / f"articles-{extra}.jsonl"
        write_articles(batch, stream, more)
    triples = len(kb)
    quads = sum(1 for _ in kb.quads())
    store_mb = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()) / 2**20
    rss_after_build = rss_mb()

    # 3. queries on the store
    sample = generate.samples(n, args.seed)
    years = (world.start.year, (world.start + dt.timedelta(days=world.days)).year)
    todo = cases(sample, years)
    store_res = []
    for name, label, params in todo:
        text = resolve_query(name)
        kb.query(text, params)  # warm-up
        times = []
        rows = 0
        for _ in range(args.reps):
            t = time.perf_counter()
            rows = len(kb.query(text, params))
            times.append(time.perf_counter() - t)
            if sum(times) > 60:
                break
        store_res.append({"name": name, "label": label, "times": times, "rows": rows})
        log(f"  store: {name} [{label}] p50 {pct(times, 50) * 1000:.1f} ms, {rows} rows")

    # 4. export + memory
    ex_times = []
    for _ in range(3):
        t = time.perf_counter()
        data = kb.export("turtle")
        ex_times.append(time.perf_counter() - t)
    export_bytes = len(data)
    del data
    store_peak = peak_rss_mb()
    store_rss = rss_mb()
    nt_path = work / "merged.nt"
    nt_path.write_bytes(kb.export("nt"))
    kb.close()
    del kb

    # 5. rdflib baseline in a child process
    rd = None
    if not args.no_rdflib:
        cases_path = work / "cases.json"
        cases_path.write_text(json.dumps(todo))
        out = work / "rdflib.json"
        log("rdflib baseline (child process)...")
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--rdflib-reps",
                str(args.rdflib_reps),
                "--timeout",
                str(args.timeout),
                "--rdflib-worker",
                str(nt_path),
                str(cases_path),
                str(out),
            ],
            check=True,
        )
        rd = json.loads(out.read_text())

    # 6. the table
    fig = {
        "articles": built,
        "triples": triples,
        "named_quads": quads,
        "store_mb": store_mb,
        "build_s": build_s,
        "export_s": min(ex_times),
        "export_bytes": export_bytes,
        "store_peak_rss_mb": store_peak,
        "store_rss_mb": store_rss,
        "rss_after_build_mb": rss_after_build,
        "queries": store_res,
        "sample": sample,
        "rdflib": rd,
    }
    print_table(fig, args)
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2))
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


def print_table(fig: dict, args) -> None:
    from rich.console import Console
    from rich.table import Table

    rd = fig["rdflib"]
    full = fig["triples"] >= 1_000_000
    table = Table(
        title=(
            f"orgkg knowledge base: {fig['articles']:,} articles, {fig['triples']:,} triples "
            f"(merged; {fig['named_quads']:,} quads in article graphs), {fig['store_mb']:.0f} MB on disk"
        ),
        caption=None if full else "fewer than 1,000,000 triples: targets are for 1M, shown for orientation",
    )
    for col in ("measure", "pyoxigraph store", "rdflib Graph", "ratio", "target", "result"):
        table.add_column(col, justify="left" if col in ("measure", "target") else "right")

    def verdict(ok: bool | None) -> str:
        if ok is None:
            return "-"
        return "[green]PASS[/]" if ok else "[red]FAIL[/]"

    b = fig["build_s"]
    table.add_row(
        "build (pipeline -> store)",
        f"{fig['articles'] / b:,.0f} art/s, {fig['triples'] / b:,.0f} tr/s ({b:.0f} s)" if b else "(reused)",
        f"load N-Triples {rd['load_s']:.1f} s ({fig['triples'] / rd['load_s']:,.0f} tr/s)" if rd else "",
        "",
        "",
        "-",
    )
    rq = {(q["name"], q["label"]): q for q in rd["queries"]} if rd else {}
    warnings = []
    for q in fig["queries"]:
        key = (q["name"], q["label"])
        name = q["name"] + (f" [{q['label']}]" if q["label"] else "")
        p50, p95 = pct(q["times"], 50) * 1000, pct(q["times"], 95) * 1000
        store_cell = f"p50 {p50:,.1f} / p95 {p95:,.1f} ms ({q['rows']:,} rows)"
        other = rq.get(key)
        rd_cell, ratio, ok = "", None, None
        if other:
            if other["times"]:
                r50 = pct(other["times"], 50) * 1000
                rd_cell = f"p50 {r50:,.0f} ms (n={len(other['times'])}, {other['rows']:,} rows)"
                ratio = r50 / p50
            else:
                rd_cell = f"> {args.timeout:.0f} s (stopped)"
                ratio = args.timeout * 1000 / p50
            if other["rows"] is not None and other["rows"] != q["rows"]:
                warnings.append(f"{name}: store {q['rows']} rows, rdflib {other['rows']} rows")
                rd_cell += " [yellow]ROWS DIFFER[/]"
        small = q["rows"] <= SMALL_ROWS
        if small:
            target = f"p50 <= {TARGET_P50_MS:.0f} ms, >= {TARGET_QUERY_RATIO:.0f}x"
            ok = p50 <= TARGET_P50_MS and (ratio is None or ratio >= TARGET_QUERY_RATIO)
        else:
            target = f"(> {SMALL_ROWS:,} rows: none)"
            ok = None
        ratio_cell = "" if ratio is None else (">" if other and not other["times"] else "") + f"{ratio:,.0f}x"
        table.add_row(name, store_cell, rd_cell, ratio_cell, target, verdict(ok))
    ex = fig["export_s"]
    if rd:
        ratio = rd["export_s"] / ex
        table.add_row(
            "Turtle export",
            f"{ex:.2f} s ({fig['export_bytes'] / 2**20:.0f} MB)",
            f"{rd['export_s']:.1f} s",
            f"{ratio:,.0f}x",
            f">= {TARGET_EXPORT_RATIO:.0f}x",
            verdict(ratio >= TARGET_EXPORT_RATIO),
        )
    else:
        table.add_row("Turtle export", f"{ex:.2f} s", "", "", "", "-")
    table.add_row(
        "peak RSS",
        f"{fig['store_peak_rss_mb']:,.0f} MB (now {fig['store_rss_mb']:,.0f} MB)",
        f"{rd['peak_rss_mb']:,.0f} MB (loaded {rd['rss_loaded_mb']:,.0f} MB)" if rd else "",
        "",
        f"store side <= {TARGET_RSS_MB:,.0f} MB",
        verdict(fig["store_peak_rss_mb"] <= TARGET_RSS_MB),
    )
    Console(width=200).print(table)
    s = fig["sample"]
    print(f"parameters: body={s['body']!r} country={s['country']!r} person={s['person']!r}")
    for w in warnings:
        print(f"WARNING: rows differ: {w}")
    if rd and rd["triples"] != fig["triples"]:
        print(f"WARNING: rdflib holds {rd['triples']:,} triples, the store {fig['triples']:,}")


if __name__ == "__main__":
    main()
