"""``parallax eval tempeval3``: time expressions on TempEval-3 TimeML files, against dateparser.

Every ``*.tml`` file under the path is one document: its text is the content of ``<TEXT>`` with the tags
removed, its gold expressions the ``<TIMEX3>`` elements there, its anchor the ``<DCT>`` value.

Measures (the TempEval-3 definitions): strict extent F1 (same start and end), relaxed extent F1 (any
overlap; one-to-one, best overlap first), and value F1: a system expression counts when it relaxed-matches
a gold one and has the same normalised value (compared in upper case, with one-digit ISO week numbers
read as two: ``2000-W2`` = ``2000-W02``); precision over system expressions, recall over gold ones.
Baseline in the same run: ``dateparser.search.search_dates`` anchored at the document date
(``RELATIVE_BASE``, ``PREFER_DATES_FROM='past'``, English), each found date valued at day precision.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from parallax.errors import ParallaxError
from parallax.eval.files import input_files


@dataclass(frozen=True)
class Expression:
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    anchor: date
    gold: tuple[Expression, ...]


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_VALUE = re.compile(r'value="([^"]*)"')


def parse_tml(raw: str, name: str) -> Document:
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct is None or body is None:
        raise ParallaxError(f"{name}: no <DCT> date or <TEXT> found; pass TimeML (.tml) files")
    parts: list[str] = []
    length = 0
    gold: list[Expression] = []
    open_at: tuple[int, str] | None = None
    cursor = 0
    content = body.group(1)
    for tag in _TAG.finditer(content):
        piece = html.unescape(content[cursor : tag.start()])
        parts.append(piece)
        length += len(piece)
        cursor = tag.end()
        closing, kind, attributes = tag.groups()
        if kind != "TIMEX3":
            continue
        if not closing:
            value = _VALUE.search(attributes)
            open_at = (length, value.group(1) if value else "")
        elif open_at is not None:
            gold.append(Expression(open_at[0], length, open_at[1]))
            open_at = None
    parts.append(html.unescape(content[cursor:]))
    return Document(name, "".join(parts), date.fromisoformat(dct.group(1)), tuple(gold))


def load(path: str | Path) -> list[Document]:
    files = input_files(path, ".tml", "point at a TimeML folder such as ../shared/eval/tempeval3")
    return [parse_tml(f.read_text(encoding="utf-8"), str(f)) for f in files]


System = Callable[[Sequence[Document]], list[list[Expression]]]


def parallax_system(docs: Sequence[Document]) -> list[list[Expression]]:
    from parallax.temporal import tag

    return [[Expression(t.start, t.end, t.value) for t in tag(d.text, d.anchor)] for d in docs]


def dateparser_system(docs: Sequence[Document]) -> list[list[Expression]]:
    from dateparser.search import search_dates

    out = []
    for doc in docs:
        base = datetime(doc.anchor.year, doc.anchor.month, doc.anchor.day)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found: list[Expression] = []
        offset = 0
        for paragraph in doc.text.split("\n"):
            results = (
                search_dates(paragraph, languages=["en"], settings=settings)
                if paragraph.strip()
                else None
            )
            cursor = 0
            for substring, moment in results or []:
                at = paragraph.find(substring, cursor)
                if at < 0:
                    continue
                cursor = at + len(substring)
                found.append(Expression(offset + at, offset + cursor, moment.date().isoformat()))
            offset += len(paragraph) + 1
        out.append(found)
    return out


_WEEK = re.compile(r"-W(\d)(?!\d)")


def canonical(value: str) -> str:
    """A TIMEX3 value in one spelling: upper case, week numbers in two digits (some gold files write
    ``2000-W2`` for ISO's ``2000-W02``; both name the same week)."""
    return _WEEK.sub(r"-W0\1", value.upper())


def _overlap(a: Expression, b: Expression) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def score(
    docs: Sequence[Document], predictions: Sequence[Sequence[Expression]]
) -> dict[str, float]:
    n_sys = n_gold = strict = relaxed = valued = 0
    for doc, preds in zip(docs, predictions, strict=True):
        n_sys += len(preds)
        n_gold += len(doc.gold)
        gold_spans = {(g.start, g.end) for g in doc.gold}
        strict += sum((p.start, p.end) in gold_spans for p in preds)
        pairs = sorted(
            (
                (_overlap(p, g), i, j)
                for i, p in enumerate(preds)
                for j, g in enumerate(doc.gold)
                if _overlap(p, g)
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            relaxed += 1
            valued += canonical(preds[i].value) == canonical(doc.gold[j].value)

    def f1(hits: int) -> float:
        p = hits / n_sys if n_sys else 0.0
        r = hits / n_gold if n_gold else 0.0
        return round(100 * 2 * p * r / (p + r), 2) if p + r else 0.0

    return {
        "strict_f1": f1(strict),
        "relaxed_f1": f1(relaxed),
        "value_f1": f1(valued),
        "value_precision": round(100 * valued / n_sys, 2) if n_sys else 0.0,
        "value_recall": round(100 * valued / n_gold, 2) if n_gold else 0.0,
        "predicted": n_sys,
        "gold": n_gold,
    }


def evaluate(path: str | Path) -> dict[str, Any]:
    docs = load(path)
    rows = []
    for name, system in (
        ("parallax", parallax_system),
        ("dateparser search_dates", dateparser_system),
    ):
        start = time.perf_counter()
        predictions = system(docs)
        rows.append(
            {
                "system": name,
                **score(docs, predictions),
                "seconds": round(time.perf_counter() - start, 2),
            }
        )
    return {"rows": rows, "documents": len(docs)}
