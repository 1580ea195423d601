"""The command line: thin commands that parse, call the library and render."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click
from click.core import ParameterSource

from parallax import __version__
from parallax.config import MAX_WORDS, MIN_WORDS, BriefOptions, IngestOptions
from parallax.errors import ParallaxError
from parallax.models import Problem

if TYPE_CHECKING:
    from parallax.models import Article, Report
    from parallax.pipeline import Pipeline

LOGGER = logging.getLogger("parallax")

EXIT_FATAL = 101  # nothing could be done: a bad store, a missing model
EXIT_USAGE = 102  # the command line itself is wrong
EXIT_INTERRUPTED = 130
MAX_FAILED_CODE = 100  # exit codes 1-100 count the inputs that failed

EXIT_CODES = f"""
\b
Exit codes:
  0        every input was read
  1-{MAX_FAILED_CODE}    that many inputs failed (capped at {MAX_FAILED_CODE}); the rest were processed
  {EXIT_FATAL}      fatal error (no input readable, unusable store, missing model): nothing was done
  {EXIT_USAGE}      wrong command line
"""


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    LOGGER.setLevel(level)


_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)


@click.group(epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="parallax")
@click.option("-v", "--verbose", count=True, help="Say more (-vv for debugging detail).")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """parallax: many outlets' reports of the same story in, one verified, cited account out.

    Give it articles as scraped text, HTML pages, JSON Lines/JSON/CSV records or RSS/Atom feeds (files or
    folders). It removes scraping residue, infers the outlet, byline and date, groups the articles into
    stories, and writes a brief of each story whose every sentence cites the source spans it came from.

    \b
    Example:
      parallax brief examples/harbour-fire/ --words 120
    """
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet
    _setup_logging(verbose, quiet)


@contextmanager
def _progress(enabled: bool) -> Iterator[object]:
    """A rich progress display on a terminal; nothing when piped or quiet."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        yield progress


def _per_system(bar: object, verb: str) -> Callable[[str, int], None]:
    """A progress callback for eval commands: one spinner per system, counting items done."""
    tasks: dict[str, Any] = {}

    def advance(system: str, n: int) -> None:
        if bar is None:
            return
        progress = cast(Any, bar)
        if system not in tasks:
            tasks[system] = progress.add_task(f"{verb}: {system}", total=None)
        progress.advance(tasks[system], n)

    return advance


def _callback(progress: object) -> object:
    if progress is None:
        return None
    tasks: dict[str, object] = {}
    labels = {
        "read": "reading and cleaning",
        "analyse": "finding sentences",
        "embed": "embedding sentences",
        "brief": "writing briefs",
        "signals": "reading names and leads to group stories",
    }

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(labels.get(stage, stage), total=total or None)  # type: ignore[attr-defined]
        progress.update(tasks[stage], completed=done, total=total or None)  # type: ignore[attr-defined]

    return update


def _exit_code(problems: Sequence[Problem]) -> int:
    return min(len(problems), MAX_FAILED_CODE)


def _guess_format(fmt: str | None, output: str | None) -> str:
    if fmt:
        return "md" if fmt == "markdown" else fmt
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    return {".json": "json", ".html": "html", ".htm": "html"}.get(suffix, "md")


def _check_output(output: str | None, paths: Sequence[str]) -> None:
    """Refuse, before any work, an -o that cannot be written or would overwrite an input."""
    if not output or output == "-":
        return
    target = Path(output)
    if target.is_dir():
        raise click.UsageError(f"-o {output} is a folder; give a file name, e.g. -o report.html")
    if not target.parent.is_dir():
        raise click.UsageError(
            f"-o {output}: the folder {target.parent} does not exist; create it or write elsewhere"
        )
    from parallax.ingest import ARTICLE_EXTS, article_suffix

    resolved = target.resolve()
    for path in paths:
        if path == "-":
            continue
        given = Path(path).resolve()
        if Path(path).is_file() and given == resolved:
            raise click.UsageError(f"-o {output} is one of the inputs; write the report elsewhere")
        if (
            given.is_dir()
            and given in resolved.parents
            and article_suffix(target) in ARTICLE_EXTS
            # a hidden file or folder is not read ("arts/.reports/brief.html")
            and not any(part.startswith(".") for part in resolved.relative_to(given).parts)
        ):
            # the next run over the folder would read the report as an article
            raise click.UsageError(
                f"-o {output} is inside the input folder {path}, where it would be read as an "
                "article; write the report elsewhere"
            )


def _write(text: str, fmt: str, output: str | None) -> None:
    if output and output != "-":
        Path(output).write_text(text, encoding="utf-8")
        LOGGER.info("wrote %s", output)
        return
    if fmt == "md" and sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
        return
    click.echo(text, nl=False)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--words",
    type=click.IntRange(MIN_WORDS, MAX_WORDS),
    default=BriefOptions.words,
    show_default=True,
    help="Length of each story's brief in words.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "markdown", "json", "html"]),
    default=None,
    help="Output format [default: from -o's extension (.md, .json, .html), else md].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Store the articles in this SQLite file and brief them in the stories they are filed "
    "into, under the ids `parallax stories` lists; with no PATHS, brief every stored story.",
)
@click.option(
    "--story",
    "story",
    default=None,
    metavar="ID",
    help="With --db: brief this stored story (ids from `parallax stories`).",
)
@click.option(
    "--since",
    default=None,
    metavar="DATE|LAST",
    help="With --story: say what its articles stored after DATE (YYYY-MM-DD or an ISO time), or "
    "since its last brief (LAST), brought: new facts, quotes, discrepancies, dates and outlets.",
)
@click.option(
    "--sentences",
    type=click.IntRange(min=1),
    default=None,
    help="At most N sentences (with no --words, the word budget is lifted).",
)
@click.option(
    "--focus",
    default=None,
    metavar="TEXT",
    help='Brief what the sources say about TEXT, e.g. --focus "the death toll".',
)
@click.option(
    "--order",
    type=click.Choice(["source", "chronological", "importance"]),
    default="source",
    show_default=True,
    help="source: as the sources tell it; chronological: by the day each sentence dates; "
    "importance: most important first.",
)
@click.option(
    "--one-story", is_flag=True, help="Brief all articles as one story instead of grouping them."
)
@click.option(
    "--brief-only",
    is_flag=True,
    help="Skip the cross-source analysis (who copied whom, facts, quotes, timeline); with "
    "--one-story or --story it also needs no entity recognition and weighs the brief with the int8 "
    "MiniLM ($PARALLAX_BRIEF_EMBEDDER): about twice as fast.",
)
@click.option(
    "--max-article-mb",
    type=float,
    default=IngestOptions.max_article_mb,
    show_default=True,
    help="Refuse single-article files (.txt, .html) larger than this.",
)
@click.pass_context
def brief(
    ctx: click.Context,
    paths: tuple[str, ...],
    words: int,
    fmt: str | None,
    output: str | None,
    db: str | None,
    story: str | None,
    since: str | None,
    sentences: int | None,
    focus: str | None,
    order: str,
    one_story: bool,
    brief_only: bool,
    max_article_mb: float,
) -> int:
    """Brief the stories in PATHS: files, folders (read recursively) or - for standard input.

    \b
    Examples:
      parallax brief ../shared/corpus/kharkiv-2024-05/ --words 150
      parallax brief articles/*.html feed.xml records.jsonl --format json -o brief.json
      parallax brief articles/ -o report.html
      parallax brief --db news.db            # everything stored by `parallax ingest`
      parallax brief articles/ --focus "the death toll" --sentences 3
      parallax brief articles/ --order chronological
      parallax brief --db news.db --story s1a2b3c4d5e6
      parallax brief --db news.db --story s1a2b3c4d5e6 --since LAST   # what is new
    """
    from parallax.pipeline import Pipeline, PipelineOptions
    from parallax.render import render
    from parallax.store import Store
    from parallax.stories import assign_stories, record_brief, stored_headline

    if not paths and not db:
        raise click.UsageError(
            "give files or folders to brief (or - for standard input), or --db with stored articles"
        )
    if story and (paths or not db):
        raise click.UsageError("--story briefs a stored story: give --db and no PATHS")
    if since and not story:
        raise click.UsageError("--since tells what changed in one stored story: add --story ID")
    _check_output(output, paths)
    if db and not paths and not Path(db).exists():  # a mistyped name would make a new, empty store
        raise click.UsageError(
            f"{db} does not exist; store articles first with `parallax ingest PATH... --db {db}`"
        )
    if since and since != "LAST" and not _moment(since):
        raise click.UsageError(
            f"--since takes a date (2024-05-31), an ISO time (2024-05-31T14:00+02:00) or LAST, "
            f"not {since!r}"
        )
    opts = PipelineOptions(
        ingest=IngestOptions(max_article_mb=max_article_mb),
        brief=BriefOptions(
            words=MAX_WORDS
            if sentences and ctx.get_parameter_source("words") is ParameterSource.DEFAULT
            else words,
            sentences=sentences,
            focus=(focus or "").strip() or None,
            order=order,
        ),
        single_story=one_story or bool(story),
        analysis=not brief_only,
    )
    fmt = _guess_format(fmt, output)
    with _progress(not ctx.obj["quiet"]) as progress:
        pipe = Pipeline(opts, progress=_callback(progress))  # type: ignore[arg-type]
        articles, problems = pipe.read(paths) if paths else ([], [])
        stored: dict[str, list[str]] = {}  # the store's stories, by their stable ids
        if db:
            with Store(db) as store:
                if store.add_many(articles)[0]:
                    assign_stories(store, pipe, pipe.progress)
                if story:
                    articles = store.articles(store.stories().get(story, []))
                    if not articles:
                        raise ParallaxError(
                            f"{db} has no story {story!r}; list them with `parallax stories --db {db}`"
                        )
                else:
                    if not paths:
                        articles = store.articles()
                    stored = {} if one_story else store.stories()
        if not articles:  # each failed input said why above; nothing was done
            raise ParallaxError(
                "no article could be read; see the errors above"
                if problems
                else "the store holds no articles"
            )
        if stored and db:
            # the stories as stored, under the ids `parallax stories` lists and --story takes (a
            # fresh grouping would name them by a batch's ids, which the store does not know)
            report = _brief_stored(pipe, articles, problems, stored, db)
        else:
            report = pipe.brief(articles, problems)
        if story and db:  # the store's id: it stays the same as the story grows
            with Store(db) as store:
                title = stored_headline(store, articles)
                report = replace(
                    report,
                    stories=tuple(
                        replace(s, id=story, title=title or s.title) for s in report.stories
                    ),
                )
                report = record_brief(store, report, story, since)
    _write(render(report, fmt), fmt, output)  # type: ignore[arg-type]
    _report_failures(problems)
    return _exit_code(problems)


def _brief_stored(
    pipe: Pipeline,
    articles: Sequence[Article],
    problems: Sequence[Problem],
    stored: dict[str, list[str]],
    db: str,
) -> Report:
    """Brief ``articles`` grouped as the store groups them, each story under its stored id and
    headline; an article the store has in no story (none, after ``assign_stories``) stands alone."""
    from parallax.store import Store
    from parallax.stories import stored_headline

    story_of = {aid: sid for sid, ids in stored.items() for aid in ids}
    index = {a.id: i for i, a in enumerate(articles)}
    by_story: dict[str, list[int]] = {}
    for article in articles:
        by_story.setdefault(story_of.get(article.id, article.id), []).append(index[article.id])
    report = pipe.brief(articles, problems, groups=list(by_story.values()))
    with Store(db) as store:
        renamed = []
        for s in report.stories:
            sid = story_of.get(s.article_ids[0])
            if sid is None:
                renamed.append(s)
                continue
            members = [articles[index[aid]] for aid in s.article_ids]
            renamed.append(replace(s, id=sid, title=stored_headline(store, members) or s.title))
    return replace(report, stories=tuple(renamed))


def _moment(since: str) -> bool:
    """Whether ``since`` is a real date or time ("2024-02-30" and "T25:00" are not)."""
    from parallax.stories import utc_moment

    if not _ISO_MOMENT.fullmatch(since):
        return False
    try:
        date.fromisoformat(since[:10])
        utc_moment(since)
    except ValueError:
        return False
    return True


_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def _report_failures(problems: Sequence[Problem]) -> None:
    if problems:
        LOGGER.warning(
            "%d input(s) failed; the others were processed (run with -q to hide this)",
            len(problems),
        )


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    required=True,
    help="The SQLite store to add articles to.",
)
@click.option(
    "--max-article-mb",
    type=float,
    default=IngestOptions.max_article_mb,
    show_default=True,
    help="Refuse single-article files (.txt, .html) larger than this.",
)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str, max_article_mb: float) -> int:
    """Clean the articles in PATHS and store them in --db. Storing the same article twice changes nothing.

    \b
    Example:
      parallax ingest ../shared/corpus/kharkiv-2024-05/ --db news.db
    """
    from parallax.pipeline import Pipeline, PipelineOptions
    from parallax.store import Store
    from parallax.stories import assign_stories

    opts = PipelineOptions(ingest=IngestOptions(max_article_mb=max_article_mb))
    with Store(db) as store, _progress(not ctx.obj["quiet"]) as progress:
        pipe = Pipeline(opts, progress=_callback(progress))  # type: ignore[arg-type]
        articles, problems = pipe.read(paths)
        new, old = store.add_many(articles)
        total = store.count()
        stories, fresh = assign_stories(store, pipe, pipe.progress)
    if not ctx.obj["quiet"]:
        click.echo(
            f"stored {new} new article(s), {old} already there; {total} in {db}, "
            f"in {stories} stor{'y' if stories == 1 else 'ies'} ({fresh} new)"
            + (f"; {len(problems)} input(s) failed" if problems else ""),
            err=True,
        )
    return _exit_code(problems)


@cli.command()
@click.option(
    "--db", type=click.Path(dir_okay=False, exists=True), required=True, help="The SQLite store."
)
@click.option(
    "--min-articles",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only stories of at least this many articles.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Only the N largest stories."
)
@_FORMAT
def stories(db: str, min_articles: int, limit: int | None, fmt: str) -> int:
    """List the stories in --db, largest first: id, size, outlets, first and last date, headline.

    \b
    Examples:
      parallax stories --db news.db
      parallax stories --db news.db --min-articles 3 --limit 20
      parallax brief --db news.db --story s1a2b3c4d5e6   # brief one of them
    """
    import json

    from parallax.store import Store
    from parallax.stories import list_stories

    with Store(db) as store:
        found = list_stories(store, min_articles, limit)
        stored = store.story_count()
    if fmt == "json":
        click.echo(json.dumps({"stories": [s.to_dict() for s in found]}, indent=2))
        return 0
    if not found and stored:
        click.echo(
            f"no story of {min_articles} articles or more; {db} holds "
            f"{stored} stor{'y' if stored == 1 else 'ies'}"
        )
        return 0
    if not found:
        click.echo(f"{db} holds no stories yet; add articles with `parallax ingest PATH --db {db}`")
        return 0
    for s in found:
        dates = (
            "undated" if not s.first else s.first if s.first == s.last else f"{s.first} to {s.last}"
        )
        outlets = ", ".join(s.outlets) or "outlets unknown"
        click.echo(f"{s.id}  {s.articles:>4} article(s)  {dates}  {outlets}\n    {s.title}")
    return 0


@cli.command("prepare-models")
def prepare_models() -> int:
    """Check the models load offline and export MiniLM to ONNX once (make setup runs this).

    \b
    Example:
      parallax prepare-models
    """
    from parallax import embedding
    from parallax.nlp import get_nlp

    nlp = get_nlp()
    path = embedding.onnx_path(build=True)
    quantized = embedding.quantized_path(build=True) if path else None
    click.echo(f"spaCy pipeline: {nlp.package}")
    if quantized:
        click.echo(f"MiniLM int8, for briefs alone (PARALLAX_BRIEF_EMBEDDER): {quantized}")
    click.echo(
        "MiniLM float32, for the analysis and grouping (PARALLAX_EMBEDDER): "
        + (f"ONNX Runtime, {path}" if path else "sentence-transformers (no ONNX export)")
    )
    return 0


@cli.command()
@click.argument("report", type=click.File("r", encoding="utf-8"))
def verify(report: object) -> int:
    """Check every citation span of a JSON REPORT against its article text (- for standard input).

    Exits 0 when every span checks out, else the number of bad spans (capped at 100).

    \b
    Example:
      parallax brief articles/ --format json | parallax verify -
    """
    import json

    from parallax.verify import iter_spans, verify_report

    try:
        data = json.load(report)  # type: ignore[arg-type]
    except json.JSONDecodeError as exc:
        raise ParallaxError(
            f"not a JSON report ({exc.msg} at line {exc.lineno}); pass parallax's --format json output"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("stories"), list):
        raise ParallaxError(
            "not a parallax report (a JSON object with its stories); pass parallax's --format json output"
        )
    problems = verify_report(data)
    for line in problems:
        click.echo(line, err=True)
    spans = sum(1 for _ in iter_spans(data))
    click.echo(f"{spans} span(s) checked, {len(problems)} problem(s)", err=True)
    return min(len(problems), MAX_FAILED_CODE)


@cli.group("eval")
def eval_group() -> None:
    """Score parallax on public evaluation sets, next to baselines run in the same command.

    \b
    Example:
      parallax eval quotes ../shared/eval/polnear/dev
    """


def _print_table(result: dict[str, object], fmt: str) -> None:
    import json

    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
        return
    tables = {k: v for k, v in result.items() if isinstance(v, list)}
    for name, value in tables.items():
        rows = cast(list[dict[str, object]], value)
        if name != "rows":
            click.echo(f"\n{name}:")
        columns = list(dict.fromkeys(k for row in rows for k in row))
        widths = {c: max(len(c), *(len(_cell(row.get(c))) for row in rows)) for c in columns}
        click.echo("  ".join(c.ljust(widths[c]) for c in columns))
        for row in rows:
            click.echo("  ".join(_cell(row.get(c)).ljust(widths[c]) for c in columns))
    extras = {k: v for k, v in result.items() if k not in tables}
    if extras:
        click.echo(", ".join(f"{k}: {v}" for k, v in extras.items()))


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


@eval_group.command("quotes")
@click.argument("path", type=click.Path(exists=True))
@_FORMAT
def eval_quotes(path: str, fmt: str) -> int:
    """Speech attribution on PolNeAR-format data (PATH: a folder with attributions/ and text/).

    Precision, recall and F1 of attribution content spans (overlap-based) and speaker accuracy on the
    matched ones, for speech cues only; textacy's direct_quotations is scored in the same run.
    Definitions: docs/evaluation.md.

    \b
    Example:
      parallax eval quotes ../shared/eval/polnear/dev --format json
    """
    from parallax.eval.quotes import evaluate

    _print_table(evaluate(path), fmt)
    return 0


@eval_group.command("extraction")
@click.argument("path", type=click.Path(exists=True))
@click.option("--first", type=int, default=None, metavar="N", help="Score the first N pages.")
@click.option("--per-page", is_flag=True, help="Also list parallax's scores on every page.")
@click.option(
    "--no-baselines", is_flag=True, help="Score parallax alone (no trafilatura, jusText)."
)
@_FORMAT
@click.pass_context
def eval_extraction(
    ctx: click.Context, path: str, first: int | None, per_page: bool, no_baselines: bool, fmt: str
) -> int:
    """Article text from HTML pages against a human's (Scrapinghub's article extraction benchmark).

    PATH is a folder with ground-truth.json and html/. Precision, recall and F1 of word 4-gram
    shingles, the benchmark's own measure, on the pages parallax reads as English, next to
    trafilatura (as the benchmark calls it, and as parallax calls it) and jusText in the same run;
    the baselines also on every page (definitions: docs/evaluation.md).

    \b
    Examples:
      parallax eval extraction ../shared/eval/scrapinghub-aeb
      parallax eval extraction ../shared/eval/scrapinghub-aeb --first 20 --per-page --format json
    """
    from parallax.eval.extraction import evaluate

    with _progress(not ctx.obj["quiet"]) as bar:
        result = evaluate(
            path,
            first=first,
            baselines=not no_baselines,
            per_page=per_page,
            progress=_per_system(bar, "extracting"),
        )
    _print_table(result, fmt)
    return 0


@eval_group.command("paraphrase")
@click.argument("path", type=click.Path(exists=True))
@_FORMAT
def eval_paraphrase(path: str, fmt: str) -> int:
    """The "same fact" decision on MSRP-format sentence pairs ({"label", "s1", "s2"} per line).

    \b
    Example:
      parallax eval paraphrase ../shared/eval/msrp/msrp_train.jsonl
    """
    from parallax.eval.paraphrase import evaluate

    _print_table(evaluate(path), fmt)
    return 0


@eval_group.command("similarity")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_FORMAT
def eval_similarity(path: str, fmt: str) -> int:
    """The "same story" similarity against human ratings of article pairs (SemEval-2022 Task 8 CSV).

    Pearson and Spearman correlation with the ratings, and the same-story decision at parallax's fixed
    cut, next to TF-IDF and MiniLM lead cosines in the same run (English pairs only; definitions:
    docs/evaluation.md).

    \b
    Example:
      parallax eval similarity ../shared/eval/semeval2022-task8/training_set.csv
    """
    from parallax.eval.similarity import evaluate

    _print_table(evaluate(path), fmt)
    return 0


@eval_group.command("story-pairs")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--polnear",
    "polnear",
    type=click.Path(exists=True, file_okay=False),
    required=True,
    help="PolNeAR's folder (metadata.tsv, train/text, dev/text): the pairs' articles.",
)
@_FORMAT
def eval_story_pairs(path: str, polnear: str, fmt: str) -> int:
    """One story or two, for dated article pairs judged by a reader (JSON lines of doc ids).

    The same-story decision at parallax's fixed cut with the articles' dates, with the time discount
    used before (a 30-day span) and with dates ignored, next to TF-IDF and MiniLM lead cosines at
    their best cut, in one run (definitions: docs/evaluation.md).

    \b
    Example:
      parallax eval story-pairs benchmarks/polnear_story_pairs.jsonl --polnear ../shared/eval/polnear
    """
    from parallax.eval.storypairs import evaluate

    _print_table(evaluate(path, polnear), fmt)
    return 0


@eval_group.command("tempeval3")
@click.argument("path", type=click.Path(exists=True))
@_FORMAT
def eval_tempeval3(path: str, fmt: str) -> int:
    """Time expressions on TimeML files (every *.tml under PATH), with dateparser as the baseline.

    Strict and relaxed extent F1 and value F1 (TempEval-3 definitions, docs/evaluation.md).

    \b
    Example:
      parallax eval tempeval3 ../shared/eval/tempeval3
    """
    from parallax.eval.tempeval import evaluate

    _print_table(evaluate(path), fmt)
    return 0


@eval_group.command("duc2004")
@click.argument("path", type=click.Path(exists=True))
@click.option("--words", default=100, show_default=True, help="Cut every summary to N words.")
@click.option(
    "--clusters",
    "only",
    default="",
    metavar="IDS",
    help="Comma-separated cluster ids to score (default: all).",
)
@click.option("--first", type=int, default=None, metavar="N", help="Score the first N clusters.")
@click.option("--per-cluster", is_flag=True, help="Also list every cluster's scores.")
@click.option(
    "--no-baselines", is_flag=True, help="Score parallax alone (no sumy, no published rows)."
)
@click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="JSON of pinned ROUGE floors (benchmarks/rouge_floors.json): exit 1 below them.",
)
@_FORMAT
@click.pass_context
def eval_duc2004(
    ctx: click.Context,
    path: str,
    words: int,
    only: str,
    first: int | None,
    per_cluster: bool,
    no_baselines: bool,
    floors: str | None,
    fmt: str,
) -> int:
    """Multi-document summaries: ROUGE-1/2 against the human summaries of each cluster.

    parallax briefs each cluster's documents as one story; sumy's LexRank, TextRank and LSA run in
    the same command, and the published systems' summaries in the file are scored alongside. Scorer:
    rouge-score, stemmed, every summary cut to --words words, recall and F1 averaged over the
    references, then over clusters (docs/evaluation.md).

    \b
    Examples:
      parallax eval duc2004 ../shared/eval/duc2004/duc2004_task2.jsonl
      parallax eval duc2004 FILE --first 5 --per-cluster --format json
      parallax eval duc2004 FILE --floors benchmarks/rouge_floors.json   (what `make eval` runs)
    """
    from parallax.eval.duc import below_floors, evaluate, floors_for

    floor = floors_for(floors, first, [c for c in only.split(",") if c]) if floors else None
    with _progress(not ctx.obj["quiet"]) as bar:
        advance = _per_system(bar, "summarising")
        result = evaluate(
            path,
            words=words,
            only=[c for c in only.split(",") if c],
            first=first,
            per_cluster=per_cluster,
            baselines=not no_baselines,
            progress=advance,
        )
    _print_table(result, fmt)
    if floor is not None:
        below = below_floors(result, floor)
        for line in below:
            click.echo(f"below the floor ({floors}): {line}", err=True)
        if below:
            return 1
        click.echo(f"floors held ({floors})", err=True)
    return 0


@eval_group.command("ecbplus")
@click.argument("path", type=click.Path(exists=True))
@click.option("--first", type=int, default=None, metavar="N", help="Score the first N articles.")
@click.option("--no-baselines", is_flag=True, help="Score parallax alone.")
@click.option(
    "--stream",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Also feed the articles N at a time into a store, as `parallax ingest` would.",
)
@_FORMAT
@click.pass_context
def eval_ecbplus(
    ctx: click.Context,
    path: str,
    first: int | None,
    no_baselines: bool,
    stream: int | None,
    fmt: str,
) -> int:
    """Stories: B-cubed precision/recall/F1 of grouping articles into stories.

    PATH holds articles ({"doc_id", "story_cluster", "text"} per line, as ECB+) or clusters
    ({"cluster_id", "docs"} per line, as DUC 2004: each cluster is one story, pooled). parallax runs on
    the articles in document order and shuffled; TF-IDF and MiniLM agglomerative baselines get the
    best threshold on the same data (docs/evaluation.md).

    \b
    Examples:
      parallax eval ecbplus ../shared/eval/ecbplus/ecbplus_odd_topics.jsonl
      parallax eval ecbplus ../shared/eval/duc2004/duc2004_task2.jsonl --format json
    """
    from parallax.eval.stories import evaluate

    with _progress(not ctx.obj["quiet"]) as bar:
        advance = _per_system(bar, "grouping")
        result = evaluate(
            path, first=first, baselines=not no_baselines, progress=advance, stream=stream or 0
        )
    _print_table(result, fmt)
    return 0


@cli.command()
def schema() -> int:
    """Print the JSON Schema of `parallax brief --format json` output.

    \b
    Example:
      parallax schema > report.schema.json
    """
    import json

    from parallax.render.json import schema as load_schema

    click.echo(json.dumps(load_schema(), indent=2))
    return 0


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``parallax`` command; turns errors into messages and exit codes."""
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="parallax",
            standalone_mode=False,
        )
    except click.exceptions.UsageError as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except ParallaxError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FATAL)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
