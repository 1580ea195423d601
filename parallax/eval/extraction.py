"""``parallax eval extraction``: the article text parallax keeps from HTML pages, against a human's.

Input: a folder laid out as Scrapinghub's article extraction benchmark (../shared/eval/scrapinghub-aeb):
``ground-truth.json`` maps a page key to ``{"articleBody": ..., "url": ...}``, and ``html/<key>.html.gz``
(or ``.html``) holds the page. What is scored is the text each system keeps of the page; for parallax,
the cleaned article text its citations point into (trafilatura's extraction, then the residue rules of
clean.py: headlines, bylines, captions, subheadings, repeated lines, tables left out).

Scorer: the benchmark's own definition, written again here (its evaluate.py is not a library): both
texts are cut into word 4-grams ("shingles", words as ``\\w+``, case kept); per page, the shingles both
hold (counted with their multiplicity) are true positives, the others false positives or negatives, each
count divided by their sum so that a long page weighs no more than a short one; precision is averaged
over the pages where a system kept anything, recall over the pages whose reference has text, and F1 is
the harmonic mean of the two averages. parallax reads English only, so the main rows are scored on the
pages its language check takes for English; the baselines are also scored on every page, which is what
the benchmark's published table reports.

Rows in one run: parallax; trafilatura 2.3's ``extract`` as the benchmark's runner calls it (comments
left out), the library parallax builds on; trafilatura as parallax calls it (tables left out too), to
show what the residue rules add; jusText with its English stoplist (a classic boilerplate remover, installed with
trafilatura). Times are wall seconds for all pages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parallax.errors import InputError, NotEnglish, ParallaxError

SHINGLE = 4  # the benchmark's n
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    key: str
    url: str
    html: str
    reference: str


def load(path: str | Path, first: int | None = None) -> list[Page]:
    """The pages of a benchmark folder (or of the folder holding the given ground-truth.json)."""
    root = Path(path)
    truth_file = root if root.is_file() else root / "ground-truth.json"
    root = truth_file.parent
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ParallaxError(
            f"{truth_file}: cannot read it as the benchmark's ground-truth.json ({exc}); pass the "
            "folder that holds ground-truth.json and html/"
        ) from None
    if not isinstance(truth, dict) or not truth:
        raise ParallaxError(f"{truth_file}: expected an object of page key -> {{articleBody, url}}")
    pages = []
    for key in sorted(truth)[:first]:
        entry = truth[key]
        body = entry.get("articleBody") if isinstance(entry, dict) else None
        if not isinstance(body, str):
            raise ParallaxError(f"{truth_file}: page {key} has no articleBody text")
        pages.append(Page(key, str(entry.get("url") or ""), _page_html(root / "html", key), body))
    return pages


def _page_html(folder: Path, key: str) -> str:
    for name, opener in ((f"{key}.html.gz", gzip.open), (f"{key}.html", open)):
        file = folder / name
        if file.exists():
            with opener(file, "rb") as handle:
                data: bytes = handle.read()
            return data.decode("utf-8", errors="replace")
    raise ParallaxError(f"{folder}: no {key}.html.gz or {key}.html for a page of ground-truth.json")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The text's word 4-grams with their counts (a text shorter than four words is one shingle)."""
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))


def page_counts(reference: str, kept: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives of one page, normalised to sum to 1."""
    gold, ours = shingles(reference), shingles(kept)
    gold.pop((), None)
    ours.pop((), None)
    tp = sum((gold & ours).values())
    fp = sum((ours - gold).values())
    fn = sum((gold - ours).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Precision (pages where something was kept), recall (pages with a reference) and their F1."""
    precisions = [tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def parallax_text(page: Page) -> tuple[str, bool]:
    """The cleaned article text parallax keeps of the page ("" when it refuses it), and whether the
    page is English to parallax's language check."""
    from parallax.clean import clean_document
    from parallax.ingest.html import read_html

    try:
        return clean_document(read_html(page.html, page.key, url=page.url or None)).text, True
    except NotEnglish:
        return "", False
    except InputError:
        return "", True  # no article text found: nothing kept, and scored as such


def trafilatura_benchmark(html: str) -> str:
    """trafilatura as the benchmark's own runner calls it (comments left out, tables kept)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def trafilatura_as_parallax(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def justext_text(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


BASELINES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("trafilatura, the benchmark's call", trafilatura_benchmark),
    ("trafilatura, parallax's call (no tables)", trafilatura_as_parallax),
    ("jusText, English stoplist", justext_text),
)


def evaluate(
    path: str | Path,
    first: int | None = None,
    baselines: bool = True,
    per_page: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, Any]:
    """The table: every system on the English pages, the baselines on every page too."""
    import logging

    pages = load(path, first)
    if not pages:
        raise ParallaxError(f"{path}: no page to score")
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings are about the pages
    kept: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    ours = []
    for page in pages:
        ours.append(parallax_text(page))
        if progress:
            progress("parallax", 1)
    seconds["parallax"] = time.perf_counter() - start
    kept["parallax"] = [text for text, _ in ours]
    english = [i for i, (_, is_english) in enumerate(ours) if is_english]
    for name, extract in BASELINES if baselines else ():
        start = time.perf_counter()
        texts = []
        for page in pages:
            texts.append(extract(page.html))
            if progress:
                progress(name, 1)
        kept[name] = texts
        seconds[name] = time.perf_counter() - start
    rows: list[dict[str, Any]] = []
    for name, texts in kept.items():
        counts = [
            page_counts(page.reference, text) for page, text in zip(pages, texts, strict=True)
        ]
        on_english = scores([counts[i] for i in english])
        row: dict[str, Any] = {"system": name}
        row.update({k: round(100 * v, 2) for k, v in on_english.items()})
        if name != "parallax":
            row.update({f"{k}_all_pages": round(100 * v, 2) for k, v in scores(counts).items()})
        row["empty"] = sum(1 for i in english if not texts[i].strip())
        row["seconds"] = round(seconds[name], 2)
        rows.append(row)
    result: dict[str, Any] = {"rows": rows, "pages": len(pages), "english_pages": len(english)}
    if per_page:
        result["per_page"] = [
            {
                "page": page.key[:12],
                "url": page.url,
                "english": i in english,
                **{
                    k: round(100 * v, 2) if i in english else None
                    for k, v in scores([page_counts(page.reference, kept["parallax"][i])]).items()
                },
            }
            for i, page in enumerate(pages)
        ]
    return result
