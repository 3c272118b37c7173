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

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70  # 70: EX_SOFTWARE of sysexits.h
EXIT_OUTPUT, EXIT_WORKER_DIED = 3, 4  # writing failed (disk full, closed stdout); a worker process died


def _looks_like_input(word: str) -> bool:
    """A path, `-` or a URL, as opposed to a (mistyped) command word."""
    return (word == "-" or os.path.exists(word) or "/" in word or os.sep in word or "." in word
            or word.startswith(("http://", "https://")))


class DefaultToBuild(TyperGroup):
    """`timeline a.txt` means `timeline build a.txt`; `timeline` alone builds the bundled seeds.

    A first word that is neither a command nor something that can be an input (an existing path, a
    word with a dot or a slash, `-`, a URL) is a mistyped command: "did you mean `tag`?", exit 2.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] in ("--version", "-V"):
            click.echo(f"timeline {_version()}")
            ctx.exit(EXIT_OK)
        if args and args[0] not in self.commands and not args[0].startswith("-") and not _looks_like_input(args[0]):
            import difflib

            close = difflib.get_close_matches(args[0], list(self.commands), n=1, cutoff=0.5)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            _stderr().print(f"timeline: no such command {args[0]!r}{hint} (commands: {', '.join(self.commands)}; "
                            f"an input is a file, a folder, - or a URL; `timeline help` shows the usage)",
                            markup=False, soft_wrap=True)
            ctx.exit(EXIT_USAGE)
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["build", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # the reader went away (`| head`): what it wanted was written; end quietly with 0
            _silence_stdout()
            ctx.exit(EXIT_OK)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("timeline")
    except PackageNotFoundError:
        return "unknown (not installed)"


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

  [cyan]timeline help build[/cyan]                the options of build

Exit codes: 0 all inputs processed; 1 some input failed (the others are
still written); 2 usage error; 3 the output could not be written (disk
full, closed standard output); 4 a worker process died (killed, out of
memory); 70 internal error (a bug: please report it). A file output keeps
its previous content unless the run ends well.
`timeline --version` prints the version.
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


def _fail_output(where: str, exc: OSError | str) -> None:
    reason = exc if isinstance(exc, str) else (exc.strerror or type(exc).__name__)
    _stderr().print(f"timeline: {where}: cannot write: {reason}", markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_OUTPUT)


def _max_bytes(mb: int) -> int:
    if mb < 1:
        _fail_usage("--max-input must be 1 (MB) or more")
    return mb * 1024 * 1024


def _choose_format(fmt: Optional[str], output: Optional[str], command: str) -> str:
    """`-f NAME`, else the format `-o`'s extension names, else table; a name no writer has is a usage error."""
    from timeline import write as writers

    known = writers.names(command)
    if fmt is None:
        return writers.infer(output, command) or "table"
    if fmt not in known:
        _fail_usage(f"--format {fmt!r}: choose one of {', '.join(known)}")
    return fmt


def _folder_output(fmt: str, output: Optional[str], inputs) -> Optional[Path]:
    """The folder a one-file-per-article format (timeml) writes into, None when it writes one stream."""
    from timeline import write as writers

    if not writers.get(fmt).per_document:
        return None
    if output is not None and (Path(output).is_dir() or output.endswith("/")):
        from timeline.io.atomic import same_file_as_input

        folder = Path(output)
        clash = same_file_as_input(folder, inputs or (), folder=True)
        if clash is not None:
            _fail_usage(f"--output {output}: lies in the input folder {clash}; its files would be read as inputs")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _fail_usage(f"{output}: cannot make the folder: {exc.strerror}")
        return folder
    from timeline.io.read import count_documents

    if inputs is not None and (len(inputs) > 1 or any(Path(i).is_dir() for i in inputs)
                               or (count_documents(inputs) or 1) > 1):
        _fail_usage(f"--format {fmt} with several inputs needs --output FOLDER/")
    return None


def _check_output_path(path: Optional[str], inputs=()) -> None:
    """`-o FILE` is checked before any work: its folder exists and can be written, it is no folder,
    and it is none of the inputs (writing it would destroy it)."""
    if path is None or path == "-":
        return
    from timeline.io.atomic import same_file_as_input

    clash = same_file_as_input(path, inputs or ())
    if clash is not None:
        _fail_usage(f"--output {path}: is the input {clash}; writing it would destroy it")
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        _fail_usage(f"--output {path}: is a folder (give a file name)")
    if not folder.is_dir():
        _fail_usage(f"--output {path}: no such folder {str(folder)!r}")
    if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        _fail_usage(f"--output {path}: cannot write there (permission denied)")


def _known_kinds(lexicon: Optional[Path]) -> list[str]:
    from timeline.events.lexicon import load_lexicon

    try:
        lex = load_lexicon(lexicon)
    except Exception as exc:  # a lexicon file that does not parse, or not as a lexicon
        _fail_usage(f"--lexicon {lexicon}: not a lexicon of the format of timeline/lang/id/events.toml ({exc})")
    return sorted(set(lex.kinds) | {"event", "statement"})


def _check_kind(kind: str, lexicon: Optional[Path]) -> None:
    """`--kind list` prints the kinds and exits; an unknown kind is a usage error (with the nearest)."""
    kinds = _known_kinds(lexicon)
    if kind == "list":
        sys.stdout.write("\n".join(kinds) + "\n")
        raise typer.Exit(EXIT_OK)
    if kind not in kinds:
        import difflib

        close = difflib.get_close_matches(kind, kinds, n=1, cutoff=0.6)
        _fail_usage(f"--kind {kind!r}: no such kind" + (f"; did you mean {close[0]!r}?" if close else "")
                    + " (`timeline --kind list` lists them)")


@contextmanager
def _output(path: Optional[str]) -> Iterator:
    """Standard output, or a file written atomically (timeline.io.atomic: through a temporary file
    in the same folder, renamed at the end, so the previous file stays whole until the new one is);
    a failure to write is one line and exit 3."""
    if path is None or str(path) == "-":
        if sys.stdout is None:
            _fail_output("standard output", "it is closed")
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away (`| head`): DefaultToBuild.invoke ends quietly with 0
        except OSError as exc:
            _fail_output("standard output", exc)
        return
    from timeline.io.atomic import atomic_write

    try:
        with atomic_write(path) as fh:
            yield fh
    except OSError as exc:
        _fail_output(str(path), exc)


class _Ticker:
    """Called once per document; `done_reading()` when the inputs are exhausted: then, once every
    document read has been processed, the label becomes the phase that follows (merging)."""

    def __init__(self, progress=None, task=None, after: str | None = None):
        self.progress, self.task, self.after = progress, task, after
        self.processed, self.read, self.exhausted = 0, 0, False

    def __call__(self, doc) -> None:
        self.processed += 1
        if self.progress is not None:
            self.progress.update(self.task, advance=1, description=doc.id[:24])
            self._maybe_next_phase()

    def done_reading(self, count: int) -> None:
        self.read, self.exhausted = count, True
        self._maybe_next_phase()

    def _maybe_next_phase(self) -> None:
        if self.progress is not None and self.after and self.exhausted and self.processed >= self.read:
            self.progress.update(self.task, description=self.after)


def _watch(documents, ticker: _Ticker):
    """The documents as they come; tells `ticker` when there are no more."""
    n = 0
    for doc in documents:
        n += 1
        yield doc
    ticker.done_reading(n)


def _interactive_stdin(paths) -> bool:
    return "-" in list(paths) and sys.stdin.isatty()


@contextmanager
def _progress(enabled: bool, paths=(), after: str | None = None) -> Iterator[_Ticker]:
    """A progress bar on stderr, only on a terminal (and not while the user types articles into
    stdin): with the number of documents and an ETA when the inputs tell it, then the label of
    the phase `after` reading (merging)."""
    if not enabled or not sys.stderr.isatty() or _interactive_stdin(paths):
        yield _Ticker()
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    from timeline.io.read import count_documents

    total = count_documents(paths)
    with Progress(SpinnerColumn(), TextColumn("{task.description:<24}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=_stderr(),
                  transient=True) as progress:
        task = progress.add_task("reading", total=total)
        yield _Ticker(progress, task, after)


def _stdin_note(paths) -> None:
    """On a terminal, `timeline -` says how to end the input (one Ctrl-D) and separate articles."""
    if _interactive_stdin(paths):
        sys.stderr.write("timeline: reading articles from the terminal; a line --- between articles, "
                         "Ctrl-D on an empty line to end\n")
        sys.stderr.flush()


def _report_error(console, doc) -> None:
    console.print(f"timeline: {doc.source or doc.id}: {doc.error}", markup=False, style="red", soft_wrap=True)


def _report_warnings(console, doc) -> None:
    for warning in doc.warnings:
        console.print(f"timeline: {doc.source or doc.id}: warning: {warning}", markup=False, style="yellow",
                      soft_wrap=True)


def _fields(text_field: Optional[str], id_field: Optional[str], date_field: Optional[str]):
    from timeline.io.read import Fields

    given = {k: v for k, v in (("text", text_field), ("id", id_field), ("dct", date_field)) if v is not None}
    for option, value in given.items():
        if not value.strip():
            _fail_usage(f"--{'date' if option == 'dct' else option}-field: give a field name")
    return Fields(**given)


TEXT_FIELD_HELP = "JSON input: the field holding the article's text (default text; a.b reaches into objects)."
ID_FIELD_HELP = "JSON input: the field holding its id (default id)."
DATE_FIELD_HELP = "JSON input: the field holding its publication date (default dct; YYYY-MM-DD or ISO date-time)."


INPUTS_HELP = "Files, folders (read recursively) or - for standard input."


@app.command("tag")
def tag_command(
    inputs: List[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False, metavar="INPUTS"),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date for inputs that state none: YYYY-MM-DD, or a day, month and year (`10 Desember 2014`)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table (default), json, jsonl or timeml; default: from --output's extension, else table.", show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here instead of stdout; for timeml with several inputs a folder (ending in /)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
    workers: int = typer.Option(0, "--workers", "-j", help="Processes for tagging many documents; 0 = all cores. The output is the same for any number."),
    text_field: Optional[str] = typer.Option(None, "--text-field", help=TEXT_FIELD_HELP, show_default=False),
    id_field: Optional[str] = typer.Option(None, "--id-field", help=ID_FIELD_HELP, show_default=False),
    date_field: Optional[str] = typer.Option(None, "--date-field", help=DATE_FIELD_HELP, show_default=False),
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
    from timeline import write as writers

    fmt = _choose_format(fmt, output, "tag")
    if workers < 0:
        _fail_usage("--workers must be 0 (all cores) or more")
    cli_dct = _parse_dct(dct)
    max_bytes = _max_bytes(max_input)
    errors = None  # the console for messages, made at the first failed input (rich is not imported otherwise)
    folder = _folder_output(fmt, output, inputs)
    if folder is None:
        _check_output_path(output, inputs)
    failed = 0
    _stdin_note(inputs)
    with _output(None if folder else output) as out, _progress(not quiet, inputs) as tick:
        writer = writers.get(fmt).documents(out, folder)
        documents = read(inputs, fields=_fields(text_field, id_field, date_field), max_bytes=max_bytes)
        for doc, timexes in tag_documents(documents, cli_dct, workers=workers or os.cpu_count() or 1):
            tick(doc)
            if doc.warnings:
                errors = errors or _stderr()
                _report_warnings(errors, doc)
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


@app.command("help")
def help_command(ctx: typer.Context,
                 command: Optional[str] = typer.Argument(None, help="A command: build, tag, eval.", show_default=False)) -> None:
    """Show the usage of timeline, or of one command.

    [bold]Examples[/bold]

      timeline help
      timeline help tag
    """
    group_ctx = ctx.parent
    group = group_ctx.command
    if command is None:
        text = group.get_help(group_ctx)
    else:
        cmd = group.get_command(group_ctx, command)
        if cmd is None:
            import difflib

            close = difflib.get_close_matches(command, list(group.commands), n=1, cutoff=0.5)
            _fail_usage(f"no such command {command!r}" + (f"; did you mean `{close[0]}`?" if close else "")
                        + f" (commands: {', '.join(group.commands)})")
        with type(ctx)(cmd, info_name=command, parent=group_ctx) as sub:
            text = cmd.get_help(sub)
    if text:
        click.echo(text)


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
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Only events of this kind (meeting, visit, attack, …; [bold]--kind list[/bold] lists them)."),
    status: Optional[str] = typer.Option(None, "--status", "-s", help="Only events with this status (occurred, planned, expected, reported, denied, hypothetical)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events overlapping this date or later (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events overlapping this date or earlier (YYYY[-MM[-DD]])."),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date for inputs that state none: YYYY-MM-DD, or a day, month and year (`10 Desember 2014`)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table, json, jsonl, csv, tsv, markdown, html, ics, timelinejs, timelinejs-sheet, timeml; default: from --output's extension (.csv .tsv .md .html .ics .json .jsonl .tml), else table.", show_default=False),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    lexicon: Optional[Path] = typer.Option(None, "--lexicon", help="Extra event triggers (TOML, the format of timeline/lang/id/events.toml)."),
    workers: int = typer.Option(0, "--workers", "-j", help="Processes for reading and tagging; 0 = all cores. The output is the same for any number."),
    top: Optional[int] = typer.Option(None, "--top", "-n", help="Only the N most salient events (the story's spine), still in date order."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="Keep candidates the classifier rates at least this (0–1; default: the trained threshold). 0 keeps every candidate."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
    text_field: Optional[str] = typer.Option(None, "--text-field", help=TEXT_FIELD_HELP, show_default=False),
    id_field: Optional[str] = typer.Option(None, "--id-field", help=ID_FIELD_HELP, show_default=False),
    date_field: Optional[str] = typer.Option(None, "--date-field", help=DATE_FIELD_HELP, show_default=False),
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
    from timeline import write as writers

    fmt = _choose_format(fmt, output, "build")
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
    if since and until:
        from timeline.values import span_end, span_start

        if span_start(since) > span_end(until):
            _fail_usage(f"--since {since} is after --until {until}: no event can be in both")
    if kind is not None:
        _check_kind(kind, lexicon)
    elif lexicon is not None:
        _known_kinds(lexicon)  # a lexicon that does not load is a usage error, before any work
    cli_dct = _parse_dct(dct)
    max_bytes = _max_bytes(max_input)
    paths = inputs or [str(p) for p in seed_paths()]
    folder = _folder_output(fmt, output, paths)
    if folder is None:
        _check_output_path(output, paths)
    errors = _stderr()
    texts: dict[str, str] = {}
    documents = read(paths, fields=_fields(text_field, id_field, date_field), max_bytes=max_bytes)
    if writers.get(fmt).needs_texts:
        documents = _keeping_texts(documents, texts)
    try:
        _stdin_note(paths)
        with _progress(not quiet, paths, after="merging events") as tick:
            chronology = extract(_watch(documents, tick), cli_dct=cli_dct, lexicon=str(lexicon) if lexicon else None,
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
    for doc in chronology.documents:
        _report_warnings(errors, doc)
    for doc in failed:
        _report_error(errors, doc)
    if writers.get(fmt).per_document and folder is None and sum(d.status == "ok" for d in chronology.documents) > 1:
        _fail_usage(f"--format {fmt}: the input held several articles; give --output FOLDER/")
    with _output(None if folder else output) as out:
        try:
            writers.write_events(fmt, out, chronology, events, texts=texts, folder=folder)
        except OSError as exc:
            if folder is None:
                raise
            _fail_output(str(folder), exc)
    if not quiet:
        shown = f"{len(events)} of {len(chronology.events)} events" if len(events) != len(chronology.events) else f"{len(events)} events"
        errors.print(f"{len(chronology.documents)} articles read ({len(failed)} failed), {shown}, "
                     f"{chronology.undated} candidates below the event threshold or unplaced left out (--min-confidence 0 keeps them)", markup=False, soft_wrap=True, style="dim")
    raise typer.Exit(EXIT_INPUT_FAILED if failed else EXIT_OK)


def _keeping_texts(documents, texts: dict[str, str]):
    """The documents as they come, their texts kept in `texts` by id (build lets go of them)."""
    for doc in documents:
        texts[doc.id] = doc.text
        yield doc


class _Terminated(BaseException):
    """SIGTERM, raised where the program is, so that cleanup runs (not caught as an Exception)."""


def main() -> None:
    import gc
    import signal

    # The pipeline makes many small objects and few reference cycles: collecting every 700
    # allocations (Python's default) costs a third of the time on a line of dense dates.
    gc.set_threshold(100_000, 50, 100)
    from timeline.parallel import WorkerDied

    def terminated(signum, frame):  # `kill`: unwind, so that no temporary output or worker is left behind
        raise _Terminated()

    signal.signal(signal.SIGTERM, terminated)
    try:
        app(prog_name="timeline")
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
        _silence_stdout()
        sys.exit(0)
    except Exception as exc:  # a bug: say so in one line; TIMELINE_DEBUG=1 shows the traceback
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        sys.stderr.write(f"timeline: internal error: {type(exc).__name__}: {exc} (TIMELINE_DEBUG=1 shows where)\n")
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
