"""The `timeline` command line: parse options, call the library, choose a writer. No extraction here."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator, List, Optional

import click
import typer
from typer.core import TyperGroup

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_OUTPUT, EXIT_WORKER_DIED = 0, 1, 2, 3, 4


class DefaultToBuild(TyperGroup):
    """`timeline a.txt` means `timeline build a.txt`; `timeline` alone builds the bundled seeds."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["build", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultToBuild,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""Turn Indonesian news articles into one chronology.

[bold]Examples[/bold]

  [cyan]timeline[/cyan]                           chronology of the bundled seeds
  [cyan]timeline artikel/ --actor Widodo[/cyan]    a folder; events with Widodo
  [cyan]timeline tag berita.txt --dct 2014-12-10[/cyan]
  [cyan]cat berita.jsonl | timeline tag - -f json[/cyan]
  [cyan]timeline eval gold/*.tml[/cyan]           score the tagger on TimeML gold
  [cyan]timeline eval stories/*/[/cyan]           score chronologies against gold

Exit codes: 0 all inputs processed; 1 some input failed (the others are
still written); 2 usage error; 3 the output could not be written (disk
full, closed standard output); 4 a worker process died (killed, out of
memory). A file output keeps its previous content unless the run ends.
""",
)


def _stderr():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _fail_usage(message: str) -> None:
    _stderr().print(f"timeline: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


def _quoted(value: str, limit: int = 80) -> str:
    """A value from the command line in a message: quoted, at most `limit` characters of it."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _parse_dct(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    from timeline.timex.absolute import parse_date

    try:
        return parse_date(value)  # YYYY-MM-DD, or a date with day, month and year written another way
    except ValueError as exc:
        reason = str(exc) if "outside" in str(exc) else "not a date, expected YYYY-MM-DD (or a day, month and year)"
        _fail_usage(f"--dct {_quoted(value)}: {reason}")


def _quiet_stdout() -> None:
    """Standard output to /dev/null, so that flushing it at exit raises nothing more."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _console(out):
    """A rich console for tables on `out`; a reader that goes away (`| head`) ends the run with 0."""
    from rich.console import Console

    console = Console(file=out, highlight=False) if out is not sys.stdout else Console(highlight=False)

    def on_broken_pipe() -> None:  # rich's own exits with 1
        _quiet_stdout()
        raise typer.Exit(EXIT_OK)

    console.on_broken_pipe = on_broken_pipe
    return console


def _fail_output(where: str, exc: OSError | str) -> None:
    reason = exc if isinstance(exc, str) else (exc.strerror or type(exc).__name__)
    _stderr().print(f"timeline: {where}: cannot write: {reason}", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_OUTPUT)


def _check_output(path: Optional[str], inputs: List[str]) -> None:
    """Before any work: an output file that is an input is refused (usage), one whose folder
    cannot be written fails (output)."""
    if path is None or str(path) == "-":
        return
    from timeline.io.atomic import same_file_as_input

    clash = same_file_as_input(path, inputs)
    if clash is not None:
        _fail_usage(f"--output {path}: is the input {clash}; writing it would destroy it")
    parent = os.path.dirname(os.path.realpath(path)) or "."
    if not os.path.isdir(parent):
        _fail_output(str(path), "no such folder")
    if not os.access(parent, os.W_OK):
        _fail_output(str(path), "permission denied")


def _max_bytes(mb: int) -> int:
    if mb < 1:
        _fail_usage("--max-input must be 1 (MB) or more")
    return mb * 1024 * 1024


@contextmanager
def _output(path: Optional[str], inputs: List[str] = ()) -> Iterator:
    """Standard output, or a file written atomically (timeline.io.atomic: the previous file stays
    whole until the new one is); a file that is one of the inputs is refused."""
    if path is None or str(path) == "-":
        if sys.stdout is None:
            _fail_output("standard output", "it is closed")
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_stdout()  # the reader went away (`| head`): not an error
            raise typer.Exit(EXIT_OK)
        except OSError as exc:
            _fail_output("standard output", exc)
        return
    from timeline.io.atomic import atomic_write

    _check_output(path, inputs)
    try:
        with atomic_write(path) as fh:
            yield fh
    except OSError as exc:
        _fail_output(str(path), exc)


@contextmanager
def _progress(enabled: bool) -> Iterator:
    """A progress line on stderr, only on a terminal: yields a function to call per document."""
    if not enabled or not sys.stderr.isatty():
        yield lambda doc: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_stderr(), transient=True) as progress:
        task = progress.add_task("reading", total=None)
        yield lambda doc: progress.update(task, advance=1, description=doc.id[:30])


def _report_error(console, doc) -> None:
    console.print(f"timeline: {doc.source or doc.id}: {doc.error}", markup=False, style="red", soft_wrap=True)


INPUTS_HELP = "Files, folders (read recursively) or - for standard input."


@app.command("tag")
def tag_command(
    inputs: List[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False, metavar="INPUTS"),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date for inputs that state none: YYYY-MM-DD, or a day, month and year (`10 Desember 2014`)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or timeml."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here instead of stdout; for timeml with several inputs a folder (ending in /)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
    workers: int = typer.Option(0, "--workers", "-j", help="Processes for tagging many documents; 0 = all cores. The output is the same for any number."),
    max_input: int = typer.Option(64, "--max-input", metavar="MB", help="Refuse an input file (a JSON Lines line) larger than this many MB."),
) -> None:
    """Find every time expression and its TIMEX3 value.

    [bold]Examples[/bold]

      timeline tag seeds/004_393e8c43df52946a.txt
      timeline tag artikel.txt --dct 2014-12-10 --format json
      timeline tag korpus/ --format timeml --output hasil/
      cat artikel.txt | timeline tag - --format jsonl
    """
    from timeline import read, tag_documents
    from timeline.write import TAG_FORMATS, JsonLinesWriter, JsonWriter, TableWriter, TimeMLWriter

    if fmt not in TAG_FORMATS:
        _fail_usage(f"--format {fmt!r}: choose one of {', '.join(TAG_FORMATS)}")
    if workers < 0:
        _fail_usage("--workers must be 0 (all cores) or more")
    cli_dct = _parse_dct(dct)
    max_bytes = _max_bytes(max_input)
    errors = None  # the console for messages, made at the first failed input (rich is not imported otherwise)
    folder = None
    if fmt == "timeml" and output is not None and (Path(output).is_dir() or output.endswith("/")):
        from timeline.io.atomic import same_file_as_input

        folder = Path(output)
        clash = same_file_as_input(folder, inputs, folder=True)
        if clash is not None:
            _fail_usage(f"--output {output}: lies in the input folder {clash}; its files would be read as inputs")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail_output(output, exc)
    elif fmt == "timeml" and (len(inputs) > 1 or any(Path(i).is_dir() for i in inputs)):
        _fail_usage("--format timeml with several inputs needs --output FOLDER/")
    failed = 0
    with _output(None if folder else output, inputs) as out, _progress(not quiet) as tick:
        if fmt == "json":
            writer = JsonWriter(out)
        elif fmt == "jsonl":
            writer = JsonLinesWriter(out)
        elif fmt == "timeml":
            writer = TimeMLWriter(out, folder)
        else:
            writer = TableWriter(_console(out))
        for doc, timexes in tag_documents(read(inputs, max_bytes=max_bytes), cli_dct, workers=workers or os.cpu_count() or 1):
            tick(doc)
            if doc.status != "ok":
                failed += 1
                errors = errors or _stderr()
                _report_error(errors, doc)
            try:
                writer.write(doc, timexes)
            except OSError as exc:
                if folder is None:
                    raise
                _fail_output(str(folder), exc)  # a full disk: the files written so far are whole
        writer.close()
    raise typer.Exit(EXIT_INPUT_FAILED if failed else EXIT_OK)


@app.command("eval")
def eval_command(
    gold: List[Path] = typer.Argument(..., help="TimeML gold files or folders.", show_default=False, metavar="GOLD"),
    system: Optional[Path] = typer.Option(None, "--system", help="System output to score (TimeML file/folder, or tag's json/jsonl); default: tag the gold texts now."),
    errors_: bool = typer.Option(False, "--errors", help="Also list every miss, false alarm and wrong value."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Score the tagger against TimeML gold (TempEval-3: strict and relaxed span F1, value F1, per type),
    or a chronology against a gold chronology (a story folder with gold.json and articles.jsonl, or a
    gold.json: core recall, all recall, duplication, row precision; docs/chronology-scoring.md).

    [bold]Examples[/bold]

      timeline eval tests/data/seeds-gold/*.tml
      timeline eval gold/ --system out.json --errors
      timeline eval tests/data/stories/*/
      timeline eval story/gold.json --system build.json
    """
    import json

    from timeline import evaluate_gold
    from timeline.eval.chronology import is_chronology_gold

    stories = [g for g in gold if is_chronology_gold(g)]
    if stories:
        if len(stories) != len(gold):
            _fail_usage("give either TimeML gold or gold chronologies, not both")
        _eval_chronologies(stories, system, fmt)

    if fmt not in ("table", "json"):
        _fail_usage(f"--format {fmt!r}: choose table or json")
    from timeline.model import InputError

    try:
        scores, problems = evaluate_gold([str(g) for g in gold], system=str(system) if system else None)
    except InputError as exc:
        _fail_usage(f"--system {system}: {exc}")
    console = _stderr()
    for source, message in problems:
        console.print(f"timeline: {source}: {message}", markup=False, style="red", soft_wrap=True)
    if fmt == "json":
        sys.stdout.write(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        from timeline.timex.evaluate import format_report

        sys.stdout.write(format_report(scores, errors=errors_) + "\n")
    raise typer.Exit(EXIT_INPUT_FAILED if problems else EXIT_OK)


def _eval_chronologies(stories: List[Path], system: Optional[Path], fmt: str) -> None:
    """Build each story's chronology from the articles beside its gold (or read --system) and score it."""
    import json

    from timeline import extract, read
    from timeline.eval.chronology import format_scores, score, story_files
    from timeline.schema import chronology_dict

    if fmt not in ("table", "json"):
        _fail_usage(f"--format {fmt!r}: choose table or json")
    if system is not None and len(stories) != 1:
        _fail_usage("--system scores one gold chronology at a time")
    console = _stderr()
    results, failed = [], False
    for path in stories:
        gold_file, articles = story_files(path)
        try:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            if system is not None:
                build = json.loads(system.read_text(encoding="utf-8"))
            else:
                if not articles.is_file():
                    raise OSError(f"no articles.jsonl beside {gold_file}")
                build = chronology_dict(extract(read([articles])))
        except (OSError, ValueError, KeyError) as exc:
            console.print(f"timeline: {path}: {exc}", markup=False, style="red", soft_wrap=True)
            failed = True
            continue
        name = path.name if path.is_dir() else path.parent.name
        results.append(score(gold, build, story=name))
    if fmt == "json":
        sys.stdout.write(json.dumps([s.as_dict() for s in results], indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_scores(results) + "\n")
    raise typer.Exit(EXIT_INPUT_FAILED if failed else EXIT_OK)


_DATE_RE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _parse_bound(name: str, value: Optional[str]) -> Optional[str]:
    import re

    if value is None:
        return None
    if not re.match(_DATE_RE, value):
        _fail_usage(f"{name} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        from timeline.values import span_start

        span_start(value)
    except ValueError:
        _fail_usage(f"{name} {value!r}: not a date")
    return value


@app.command("build")
def build_command(
    inputs: Optional[List[str]] = typer.Argument(None, help=INPUTS_HELP + " Default: the bundled seed articles.",
                                                 show_default=False, metavar="INPUTS"),
    actor: Optional[List[str]] = typer.Option(None, "--actor", "-a", help="Only events where this actor takes part (repeatable: all must). Matches short names and aliases."),
    place: Optional[str] = typer.Option(None, "--place", "-p", help="Only events at this place."),
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Only events of this kind (meeting, visit, attack, …)."),
    status: Optional[str] = typer.Option(None, "--status", "-s", help="Only events with this status (occurred, planned, expected, reported, denied, hypothetical)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events overlapping this date or later (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events overlapping this date or earlier (YYYY[-MM[-DD]])."),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date for inputs that state none: YYYY-MM-DD, or a day, month and year (`10 Desember 2014`)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    lexicon: Optional[Path] = typer.Option(None, "--lexicon", help="Extra event triggers (TOML, the format of timeline/lang/id/events.toml)."),
    workers: int = typer.Option(0, "--workers", "-j", help="Processes for reading and tagging; 0 = all cores. The output is the same for any number."),
    top: Optional[int] = typer.Option(None, "--top", "-n", help="Only the N most salient events (the story's spine), still in date order."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="Keep candidates the classifier rates at least this (0–1; default: the trained threshold). 0 keeps every candidate."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
    max_input: int = typer.Option(64, "--max-input", metavar="MB", help="Refuse an input file (a JSON Lines line) larger than this many MB."),
) -> None:
    """The chronology: every event once, on its date, with who, where, status and sources.

    [bold]Examples[/bold]

      [cyan]timeline[/cyan]                                   the bundled seed articles
      [cyan]timeline --kind meeting --actor Widodo --actor Rahmat[/cyan]
      [cyan]timeline build artikel/ -f csv -o kronologi.csv[/cyan]
      [cyan]timeline build berita.jsonl --since 2024-01 --status planned[/cyan]
      [cyan]timeline build berita.jsonl --top 10[/cyan]                 the ten most salient events
    """
    from timeline import extract, read, seed_paths
    from timeline.nlp.entities import ModelMissing
    from timeline.events.lexicon import STATUSES
    from timeline.write import EVENT_FORMATS

    if fmt not in EVENT_FORMATS:
        _fail_usage(f"--format {fmt!r}: choose one of {', '.join(EVENT_FORMATS)}")
    if status is not None and status not in STATUSES:
        _fail_usage(f"--status {status!r}: choose one of {', '.join(STATUSES)}")
    if lexicon is not None and not lexicon.is_file():
        _fail_usage(f"--lexicon {lexicon}: no such file")
    if workers < 0:
        _fail_usage("--workers must be 0 (all cores) or more")
    if top is not None and top < 1:
        _fail_usage("--top must be 1 or more")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        _fail_usage("--min-confidence must be between 0 and 1")
    since, until = _parse_bound("--since", since), _parse_bound("--until", until)
    cli_dct = _parse_dct(dct)
    max_bytes = _max_bytes(max_input)
    paths = inputs or [str(p) for p in seed_paths()]
    _check_output(output, paths)
    errors = _stderr()
    try:
        with _progress(not quiet) as tick:
            chronology = extract(read(paths, max_bytes=max_bytes), cli_dct=cli_dct, lexicon=str(lexicon) if lexicon else None,
                                 workers=workers or os.cpu_count() or 1, on_document=tick,
                                 min_confidence=min_confidence)
    except ModelMissing as exc:
        errors.print(f"timeline: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_INPUT_FAILED)
    except Exception as exc:  # a lexicon file that does not parse, and the like
        import tomllib

        if isinstance(exc, (tomllib.TOMLDecodeError, KeyError)) and lexicon is not None:
            _fail_usage(f"--lexicon {lexicon}: {exc}")
        raise
    from timeline.chronology import filter_events

    events = filter_events(chronology.events, actors=actor or (), place=place, kind=kind, status=status,
                           since=since, until=until)
    if top is not None:
        from timeline.events.rank import top as most_salient

        events = most_salient(events, top)
    failed = [d for d in chronology.documents if d.status != "ok"]
    for doc in failed:
        _report_error(errors, doc)
    with _output(output, paths) as out:
        from timeline import write

        if fmt == "json":
            write.write_events_json(out, chronology, events)
        elif fmt == "jsonl":
            write.write_events_jsonl(out, events)
        elif fmt == "csv":
            write.write_events_csv(out, events)
        else:
            write.write_events_table(_console(out), events)
    if not quiet:
        shown = f"{len(events)} of {len(chronology.events)} events" if len(events) != len(chronology.events) else f"{len(events)} events"
        errors.print(f"{len(chronology.documents)} articles read ({len(failed)} failed), {shown}, "
                     f"{chronology.undated} candidates below the event threshold or unplaced left out (--min-confidence 0 keeps them)", markup=False, soft_wrap=True, style="dim")
    raise typer.Exit(EXIT_INPUT_FAILED if failed else EXIT_OK)


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that cleanup runs (not caught as an Exception)."""


def main() -> None:
    import gc

    # The pipeline makes many small objects and few reference cycles: collecting every 700
    # allocations (Python's default) costs a third of the time on a line of dense dates.
    gc.set_threshold(100_000, 50, 100)
    import signal

    from timeline.parallel import WorkerDied

    def terminated(signum, frame):  # `kill`: unwind, so that no temporary output or worker is left behind
        raise _Terminated()

    signal.signal(signal.SIGTERM, terminated)

    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("timeline: interrupted\n")
        sys.exit(130)
    except _Terminated:
        sys.stderr.write("timeline: terminated\n")
        sys.exit(143)
    except WorkerDied as exc:
        sys.stderr.write(f"timeline: {exc}\n")
        sys.exit(EXIT_WORKER_DIED)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error worth a traceback
        _quiet_stdout()
        sys.exit(0)
    except Exception as exc:  # a bug: say so in one line; TIMELINE_DEBUG=1 shows the traceback
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        sys.stderr.write(f"timeline: internal error: {type(exc).__name__}: {exc} (TIMELINE_DEBUG=1 shows where)\n")
        sys.exit(EXIT_INPUT_FAILED)


if __name__ == "__main__":
    main()
