"""The `orgkg` command line.

Exit status: 0 success; 1 the graph does not conform (validate) or a command failed;
2 bad usage (missing path, malformed or unknown query, unknown format);
3 built, but some inputs were skipped (each named in a warning).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from orgkg.model import Skipped

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles about official bodies into an RDF knowledge graph.",
    rich_markup_mode="rich",
)
err = Console(stderr=True, emoji=False)
out = Console(emoji=False)

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


def _die(message: str, code: int = EXIT_USAGE) -> None:
    # soft_wrap: one line however narrow the terminal; escape: paths and SPARQL hold "[...]".
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _write(path: Path, data: bytes) -> None:
    """Write an output file atomically; a file system error is one line, exit 1."""
    from orgkg.graph.io import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        _die(f"cannot write {path}: {exc.strerror or exc}", EXIT_FAIL)


def _is_ignored(s: Skipped) -> bool:
    """Files of other kinds in a directory are passed over, not failures."""
    return s.reason.startswith("not an article")


def _open_store(path: str | Path, read_only: bool = True):
    from orgkg.graph.store import KnowledgeBase, StoreError

    try:
        return KnowledgeBase(path, read_only=read_only)
    except StoreError as exc:
        _die(str(exc), EXIT_FAIL)


def _source(graph: str):
    """A knowledge base directory (opened read-only) or a graph file (loaded)."""
    from orgkg.graph.store import is_store

    if Path(graph).is_dir():
        if not is_store(graph):
            _die(f"{graph} is a directory but not an orgkg store")
        return _open_store(graph)
    return _load(graph)


def _as_dataset(src):
    """The rdflib Dataset the rdflib-based tools read."""
    from orgkg.graph.store import KnowledgeBase

    return src.dataset() if isinstance(src, KnowledgeBase) else src


def _load(graph: str):
    from orgkg.graph.io import FormatError, load_graph

    path = Path(graph)
    if not path.exists():
        _die(f"no such graph file or store: {graph}")
    try:
        return load_graph(path)
    except FormatError as exc:
        _die(str(exc))
    except Exception as exc:  # a parser error: say where, no traceback
        _die(
            f"cannot read {graph}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", EXIT_FAIL
        )


EndpointOpt = Annotated[
    str | None,
    typer.Option("--endpoint", "-e", help="A SPARQL endpoint URL to read instead of a graph or store."),
]
UserOpt = Annotated[
    str | None,
    typer.Option(
        "--user", "-u", envvar="ORGKG_ENDPOINT_USER", help="User for the endpoint (HTTP digest or basic)."
    ),
]
PasswordOpt = Annotated[
    str | None,
    typer.Option("--password", envvar="ORGKG_ENDPOINT_PASSWORD", help="Password for the endpoint."),
]


def _endpoint(url: str, user: str | None, password: str | None, graph_store: str | None = None, **kw):
    from orgkg.graph.remote import Endpoint, EndpointError

    if user is None and password is not None:
        _die("--password without --user")
    try:
        return Endpoint(url, graph_store_url=graph_store, user=user, password=password, **kw)
    except EndpointError as exc:
        _die(str(exc))


def _graph_or_endpoint(graph: str | None, endpoint: str | None) -> None:
    if graph is not None and endpoint is not None:
        _die("give a graph file or store, or --endpoint URL, not both")
    if graph is None and endpoint is None:
        _die("give a graph file or store, or --endpoint URL")


@app.command()
def build(
    inputs: Annotated[
        list[str], typer.Argument(help="Articles: .txt/.md/.html/.jsonl files, directories, or - for stdin.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Graph file to write (.ttl .trig .nq .nt .jsonld)."),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store", "-s", help="Knowledge base directory to add the articles to (made if missing)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --store: extract again articles already stored unchanged.")
    ] = False,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="Output format if not by extension.")
    ] = None,
    base: Annotated[str, typer.Option(help="Base IRI of the nodes made.")] = "https://w3id.org/orgkg/id/",
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Drop facts below this confidence (0-1).")
    ] = 0.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List files passed over.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Extract facts from articles and write the graph, or add them to a knowledge base.

    Example: [bold]orgkg build ../shared/corpus/dev --output dev.trig[/]
    Example: [bold]orgkg build ../shared/corpus/dev --store kb/[/] (again: unchanged articles are skipped)
    """
    from orgkg.graph.io import FormatError, format_for, serialize

    if output is None and store is None:
        _die("say where the graph goes: --output FILE or --store DIR")
    out_fmt = None
    if output is not None:
        try:
            out_fmt = format_for(output, fmt)
        except FormatError as exc:
            _die(str(exc))
    for i in inputs:
        if i != "-" and not Path(i).exists():
            _die(f"no such file or directory: {i}")
    kb = _open_store(store, read_only=False) if store is not None else None
    # The extractor (spaCy) loads in seconds: only once the arguments are known to be good.
    from orgkg.ingest import InputError
    from orgkg.pipeline import build as run_build

    show = not quiet and sys.stderr.isatty()
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
        transient=True,
    )
    total = _count_inputs(inputs) if show else None
    with progress:
        task = progress.add_task("building", total=total)

        def on_article(item) -> None:
            if isinstance(item, Skipped):
                if _is_ignored(item):
                    if verbose:
                        err.print(
                            f"passed over {escape(item.source)}: {escape(item.reason)}",
                            highlight=False,
                            soft_wrap=True,
                        )
                    return
                err.print(
                    f"[yellow]warning:[/] skipped {escape(item.source)}: {escape(item.reason)}",
                    highlight=False,
                    soft_wrap=True,
                )
            progress.advance(task)

        try:
            result = run_build(
                inputs,
                base=base,
                min_confidence=min_confidence,
                on_article=on_article,
                store=kb,
                force=force,
            )
        except InputError as exc:
            _die(str(exc))
        except KeyboardInterrupt:
            # each stored article is one transaction: what is in is whole
            if kb is not None:
                kb.close()
            err.print("[yellow]interrupted[/]: the articles stored so far are complete", highlight=False)
            raise typer.Exit(130) from None
        except BaseException:
            if kb is not None:
                kb.close()
            raise
    try:
        if output is not None:
            _write(output, kb.export(out_fmt) if kb is not None else serialize(result.dataset, out_fmt))
        failed = [s for s in result.skipped if not _is_ignored(s)]
        if not quiet:
            _summary(result, failed, store if kb is not None else output, kb)
    finally:
        if kb is not None:
            kb.close()
    if failed:
        raise typer.Exit(EXIT_SKIPPED)


def _count_inputs(inputs: list[str]) -> int | None:
    n = 0
    for i in inputs:
        p = Path(i)
        if p.is_dir():
            n += sum(
                1
                for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in (".txt", ".md", ".html", ".htm")
            )
        elif p.suffix.lower() == ".jsonl":
            try:
                n += sum(1 for line in p.open("rb") if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n or None


def _summary(result, failed, output: Path, kb=None) -> None:
    from orgkg.graph.stats import class_counts

    table = Table(title=f"orgkg build -> {output}", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(result.articles))
    if kb is not None:
        table.add_row("  of which replaced", str(result.replaced))
        table.add_row("unchanged (already stored)", str(result.unchanged))
        table.add_row("articles in the store", str(len(kb.articles())))
    counts = kb.class_counts() if kb is not None else class_counts(result.dataset)
    for name, n in counts.items():
        table.add_row(f"  {name}", str(n))
    table.add_row("facts", str(result.fact_count))
    for kind, n in sorted(result.facts.items()):
        table.add_row(f"  {kind}", str(n))
    table.add_row("skipped inputs", str(len(failed)))
    err.print(table)


@app.command()
def query(
    graph: Annotated[
        str | None,
        typer.Argument(help="A graph file or a store written by orgkg build (not with --endpoint)."),
    ] = None,
    query_: Annotated[
        str | None, typer.Argument(metavar="QUERY", help="SPARQL text, a .rq file, or a named query.")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, bound as an RDF term.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    endpoint: EndpointOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Run a SPARQL query (or a named one from ontology/queries) over a graph or a SPARQL endpoint.

    Example: [bold]orgkg query dev.trig officials-of-body --param org="Eurasian Economic Commission"[/]
    Example: [bold]orgkg query --endpoint http://127.0.0.1:8890/sparql officials-of-body -p org=CIS[/]
    """
    from orgkg.query import QueryError, resolve_query, run_query

    if endpoint is not None and query_ is None:
        graph, query_ = None, graph  # the one positional argument is the query
    if query_ is None:
        _die("give a graph file or store and a QUERY, or --endpoint URL and a QUERY")
    _graph_or_endpoint(graph, endpoint)
    params = {}
    for p in param or []:
        if "=" not in p:
            _die(f"--param takes NAME=VALUE, got {p!r}")
        k, v = p.split("=", 1)
        params[k.strip()] = v
    if fmt not in ("table", "csv", "tsv", "json"):
        _die(f"unknown --format {fmt!r}; use table, csv, tsv or json")
    try:
        text = resolve_query(query_)
    except QueryError as exc:
        _die(str(exc))
    if endpoint is not None:
        from orgkg.graph.remote import EndpointError

        with _endpoint(endpoint, user, password) as ep:
            try:
                res = ep.query(text, params)
            except QueryError as exc:
                _die(str(exc))
            except EndpointError as exc:
                _die(str(exc), EXIT_FAIL)
    else:
        src = _source(graph)
        try:
            res = src.query(text, params) if hasattr(src, "seed") else run_query(src, text, params)
        except QueryError as exc:
            _die(str(exc))
    if res.kind == "graph":
        sys.stdout.write(res.to_turtle())
    elif res.kind == "ask":
        out.print("true" if res.boolean else "false")
    elif fmt == "csv":
        sys.stdout.write(res.to_csv())
    elif fmt == "tsv":
        sys.stdout.write(res.to_tsv())
    elif fmt == "json":
        sys.stdout.write(res.to_json() + "\n")
    else:
        out.print(res.to_rich_table())


@app.command()
def export(
    graph: Annotated[str, typer.Argument(help="A graph file or a store written by orgkg build.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="turtle, trig, nt, nq or jsonld (default: from --output, else turtle)."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write a graph in another RDF format.

    Example: [bold]orgkg export dev.trig --format turtle --output dev.ttl[/]
    """
    from orgkg.graph.io import EXTENSIONS, FORMATS, serialize

    if fmt is None:
        # like build: the output's extension says the format
        fmt = EXTENSIONS.get(output.suffix.lower(), "turtle") if output is not None else "turtle"
    if fmt.lower() not in FORMATS:
        _die(f"unknown format {fmt!r}; use one of: turtle, trig, nt, nq, jsonld")
    src = _source(graph)
    data = src.export(fmt.lower()) if hasattr(src, "seed") else serialize(src, fmt.lower())
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        _write(output, data)


@app.command()
def viz(
    graph: Annotated[
        str | None,
        typer.Argument(help="A graph file or a store written by orgkg build (not with --endpoint)."),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    title: Annotated[str, typer.Option(help="Page title.")] = "orgkg network",
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", help="Keep at most this many (best-connected) nodes.")
    ] = 2000,
    endpoint: EndpointOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    base: Annotated[
        str, typer.Option(help="With --endpoint: draw the server's graphs whose IRI starts with this.")
    ] = "https://w3id.org/orgkg/id/",
) -> None:
    """Draw the graph as an interactive HTML network that works offline.

    Example: [bold]orgkg viz dev.trig --output graph.html[/]
    Example: [bold]orgkg viz --endpoint http://127.0.0.1:8890/sparql -o graph.html[/]
    """
    from orgkg.viz.network import render_html

    _graph_or_endpoint(graph, endpoint)
    if endpoint is not None:
        from orgkg.graph.remote import EndpointError

        with _endpoint(endpoint, user, password, base=base) as ep:
            try:
                ds = ep.dataset()
            except EndpointError as exc:
                _die(str(exc), EXIT_FAIL)
    else:
        ds = _as_dataset(_source(graph))
    try:
        path = render_html(ds, output, title=title, max_nodes=max_nodes)
    except OSError as exc:
        _die(f"cannot write {output}: {exc.strerror or exc}", EXIT_FAIL)
    err.print(f"wrote {escape(str(path))}", highlight=False, soft_wrap=True)


@app.command()
def push(
    source: Annotated[
        str, typer.Argument(help="A store written by orgkg build --store, or a .trig/.nq file.")
    ],
    endpoint: Annotated[
        str, typer.Option("--endpoint", "-e", help="The server's SPARQL query URL (e.g. .../sparql).")
    ],
    graph_store: Annotated[
        str | None,
        typer.Option(
            "--graph-store",
            help="Its Graph Store Protocol URL (default: Virtuoso's, .../sparql-graph-crud-auth).",
        ),
    ] = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    graph_param: Annotated[
        str, typer.Option("--graph-param", help="Query parameter naming the graph: graph or graph-uri.")
    ] = "graph",
    prune: Annotated[
        bool, typer.Option("--prune", help="Also delete the server's orgkg graphs the source does not have.")
    ] = False,
    base: Annotated[
        str, typer.Option(help="With --prune: the server's graphs whose IRI starts with this are orgkg's.")
    ] = "https://w3id.org/orgkg/id/",
) -> None:
    """Load a knowledge base into a SPARQL server, one named graph per article (again: same result).

    Each named graph is PUT with the SPARQL 1.1 Graph Store Protocol, replacing what the
    server held under that name. Credentials may come from ORGKG_ENDPOINT_USER and
    ORGKG_ENDPOINT_PASSWORD.

    Example: [bold]orgkg push kb/ --endpoint http://127.0.0.1:8890/sparql --user dba --password dba[/]
    """
    from orgkg.graph.remote import EndpointError

    if graph_param not in ("graph", "graph-uri"):
        _die(f"unknown --graph-param {graph_param!r}; use graph or graph-uri")
    src = _source(source)
    try:
        with _endpoint(endpoint, user, password, graph_store, graph_param=graph_param, base=base) as ep:
            try:
                result = ep.push(src, prune=prune)
            except EndpointError as exc:
                _die(str(exc), EXIT_FAIL)
    finally:
        if hasattr(src, "close"):
            src.close()
    if result.graphs == 0:
        _die(f"{source} has no named graphs to push (build a store, or write .trig/.nq)", EXIT_FAIL)
    pruned = f", deleted {result.deleted} stale graphs" if prune else ""
    where = escape(ep.graph_store_url or endpoint)
    err.print(
        f"pushed {result.graphs} graphs, {result.triples} triples to {where}{pruned}",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def validate(
    graph: Annotated[str, typer.Argument(help="A graph file or a store written by orgkg build.")],
) -> None:
    """Check a graph against the SHACL shapes in ontology/shapes.ttl (exit 1 if it does not conform).

    Example: [bold]orgkg validate dev.trig[/]
    """
    from orgkg.validate import validate as run_validate

    ds = _as_dataset(_source(graph))
    report = run_validate(ds)
    if report.conforms:
        out.print("[green]conforms[/]: the graph meets every shape in ontology/shapes.ttl")
        return
    out.print(report.text, highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_FAIL)


@app.command()
def stats(
    graph: Annotated[str, typer.Argument(help="A graph file or a store written by orgkg build.")],
) -> None:
    """Count nodes by class and triples by property.

    Example: [bold]orgkg stats dev.trig[/]
    """
    from orgkg.graph.stats import class_counts, property_counts

    src = _source(graph)
    if hasattr(src, "seed"):
        by_class, by_prop, n_graphs = (
            src.class_counts(qualified=True),
            src.property_counts(),
            len(src.graphs()),
        )
    else:
        by_class, by_prop = class_counts(src, qualified=True), property_counts(src)
        n_graphs = len({c for *_, c in src.quads((None, None, None, None)) if c is not None})
    for title, counts in (("class", by_class), ("property", by_prop)):
        table = Table(title=f"by {title}")
        table.add_column(title)
        table.add_column("count", justify="right")
        for k, n in counts.items():
            table.add_row(k, str(n))
        out.print(table)
    out.print(f"named graphs: {n_graphs}")


@app.command()
def remove(
    articles: Annotated[
        list[str], typer.Argument(help="Articles to take out: their ids, IRIs, or the files they came from.")
    ],
    store: Annotated[Path, typer.Option("--store", "-s", help="The knowledge base directory.")],
    base: Annotated[
        str, typer.Option(help="Base IRI the store was built with.")
    ] = "https://w3id.org/orgkg/id/",
) -> None:
    """Take articles out of a knowledge base: their facts go; what other articles state stays.

    Example: [bold]orgkg remove eec-epa-general-council-2022 --store kb/[/]
    """
    from orgkg.graph.store import is_store

    if not is_store(store):
        _die(f"no orgkg store at {store}")
    missing = 0
    with _open_store(store, read_only=False) as kb:
        for ref in articles:
            for name in _article_graphs(ref, base):
                if kb.remove_article(name):
                    err.print(f"removed {escape(name)}", highlight=False, soft_wrap=True)
                    break
            else:
                missing += 1
                err.print(
                    f"[yellow]warning:[/] not in the store: {escape(ref)}", highlight=False, soft_wrap=True
                )
    if missing:
        raise typer.Exit(EXIT_FAIL)


def _article_graphs(ref: str, base: str) -> list[str]:
    """The graph names an article reference may mean: an IRI, an id, or a file's articles."""
    from orgkg.graph.rdf import article_iri

    if ref.startswith(("http://", "https://")):
        return [ref]
    names = [str(article_iri(base, ref))]
    if Path(ref).is_file():
        from orgkg.ingest import read_inputs

        names += [str(article_iri(base, a.id)) for a in read_inputs([ref]) if not isinstance(a, Skipped)]
    return names


@app.command()
def entities(
    graph: Annotated[str, typer.Argument(help="A graph file or a store written by orgkg build.")],
    duplicates: Annotated[
        bool,
        typer.Option("--duplicates", help="List suspected duplicates with the evidence for and against."),
    ] = False,
    merges: Annotated[bool, typer.Option("--merges", help="List the identity merges made so far.")] = False,
    merge: Annotated[
        str | None, typer.Option("--merge", help="(store) IRI to merge into the one given by --into.")
    ] = None,
    into: Annotated[
        str | None, typer.Option("--into", help="(store) The IRI that survives a --merge.")
    ] = None,
    unmerge: Annotated[
        str | None, typer.Option("--unmerge", help="(store) A merged-away IRI to give back its own node.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """People and bodies: list them, review suspected duplicates, merge or unmerge (in a store).

    Example: [bold]orgkg entities kb/ --duplicates[/]
    Example: [bold]orgkg entities kb/ --unmerge https://w3id.org/orgkg/id/person/sergei-lebedev[/]
    """
    import json

    from orgkg.graph.store import KnowledgeBase

    if fmt not in ("table", "json"):
        _die(f"unknown --format {fmt!r}; use table or json")
    if (merge is None) != (into is None):
        _die("--merge IRI needs --into IRI (and the other way round)")
    if merge is not None or unmerge is not None:
        from orgkg.graph.store import is_store

        if not is_store(graph):
            _die("--merge and --unmerge change a store: give a store directory")
        with _open_store(graph, read_only=False) as kb:
            if merge is not None:
                try:
                    n = kb.merge(merge, into)
                except ValueError as exc:
                    _die(str(exc), EXIT_FAIL)
                err.print(f"merged {escape(merge)} into {escape(into)} in {n} article(s)", highlight=False)
            if unmerge is not None:
                n = kb.unmerge(unmerge)
                if not n:
                    _die(f"no merge of {unmerge} recorded in the store", EXIT_FAIL)
                err.print(f"unmerged {escape(unmerge)} in {n} article(s)", highlight=False)
        return
    src = _source(graph)

    def run(text: str) -> list[tuple]:
        from orgkg.query import run_query

        res = src.query(text) if isinstance(src, KnowledgeBase) else run_query(src, text)
        return res.rows

    if duplicates:
        from orgkg.resolve.duplicates import find_duplicates

        found = find_duplicates(run)
        if fmt == "json":
            from dataclasses import asdict

            sys.stdout.write(json.dumps([asdict(x) | {"score": x.score} for x in found], indent=1) + "\n")
            return
        table = Table(title=f"{len(found)} suspected duplicates", show_lines=True)
        for col in ("kind", "a", "b", "for", "against", "score"):
            table.add_column(col, overflow="fold")
        for x in found:
            table.add_row(
                x.kind,
                f"{x.a_label}\n{x.a}",
                f"{x.b_label}\n{x.b}",
                "\n".join(x.evidence_for),
                "\n".join(x.evidence_against),
                f"{x.score:.2f}",
            )
        out.print(table, markup=False, highlight=False)
        return
    if merges:
        rows = (
            src.merges()
            if isinstance(src, KnowledgeBase)
            else [
                dict(zip(("retired", "survivor", "name", "evidence", "article"), map(str, r), strict=True))
                for r in run(
                    "SELECT ?retired ?survivor ?name ?evidence ?article WHERE { ?m a okg:IdentityMerge ; "
                    "okg:retired ?retired ; okg:survivor ?survivor ; okg:nameUsed ?name ; "
                    "okg:identityEvidence ?evidence ; prov:wasDerivedFrom ?article } "
                    "ORDER BY ?retired ?article"
                )
            ]
        )
        if fmt == "json":
            sys.stdout.write(json.dumps(rows, indent=1) + "\n")
            return
        table = Table(title=f"{len(rows)} identity merges")
        for col in ("name used", "retired", "survivor", "evidence", "article"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(r["name"], r["retired"], r["survivor"], r["evidence"], r["article"])
        out.print(table, markup=False, highlight=False)
        return
    rows = run(
        "SELECT ?s ?kind ?label (GROUP_CONCAT(DISTINCT ?alt; separator=' | ') AS ?alts) WHERE { "
        "{ ?s a foaf:Person BIND('Person' AS ?kind) } "
        "UNION { ?s a org:Organization BIND('Organization' AS ?kind) } "
        "UNION { ?s a schema:Country BIND('Country' AS ?kind) } "
        "?s rdfs:label ?label OPTIONAL { ?s skos:altLabel ?alt } } "
        "GROUP BY ?s ?kind ?label ORDER BY ?kind LCASE(STR(?label))"
    )
    if fmt == "json":
        keys = ("iri", "kind", "label", "alt_labels")
        data = [dict(zip(keys, [str(x) if x is not None else "" for x in r], strict=True)) for r in rows]
        sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} entities")
    for col in ("kind", "label", "other names", "IRI"):
        table.add_column(col, overflow="fold")
    for s_, kind, label, alts in rows:
        table.add_row(str(kind), str(label), str(alts or ""), str(s_))
    out.print(table, markup=False, highlight=False)


@app.command()
def explain(
    article: Annotated[str, typer.Argument(help="One article: a .txt/.md/.html file, or - for stdin.")],
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Show only facts at or above this confidence.")
    ] = 0.0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Show each fact extracted from an article: its evidence, the rule that made it, its confidence.

    Example: [bold]orgkg explain ../shared/corpus/dev/eec-epa-general-council-2022.txt[/]
    """
    import json
    from dataclasses import asdict

    from orgkg.ingest import InputError, read_inputs

    if fmt not in ("table", "json"):
        _die(f"unknown --format {fmt!r}; use table or json")
    if article != "-" and not Path(article).exists():
        _die(f"no such file: {article}")
    from orgkg.extract.article import extract
    from orgkg.extract.explain import explain as explain_facts

    try:
        items = list(read_inputs([article]))
    except InputError as exc:
        _die(str(exc))
    arts = [a for a in items if not isinstance(a, Skipped)]
    if not arts:
        reason = items[0].reason if items else "no article"
        _die(f"cannot read {article}: {reason}", EXIT_FAIL)
    for art in arts:
        rows = explain_facts(extract(art), min_confidence)
        if fmt == "json":
            sys.stdout.write(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1) + "\n")
            continue
        table = Table(title=f"{art.title or art.id} ({len(rows)} facts)", show_lines=True)
        for col in ("fact", "rule", "conf.", "evidence"):
            table.add_column(col, overflow="fold")
        for r in rows:
            obj = f"{r.object} [{r.role}]" if r.role else r.object
            flag = "" if r.current else " (former)"
            evidence = f"[{r.start}:{r.end}] {r.sentence}"
            table.add_row(f"{r.kind}: {r.subject} -> {obj}{flag}", r.rule, f"{r.confidence:.2f}", evidence)
        out.print(table, markup=False, highlight=False)


def main() -> None:  # pragma: no cover - the console script
    app()


__all__ = ["app", "main", "Counter"]
