"""Issue 6 in `make bench`: stories kept up to date as articles arrive one at a time.

- ``stream``: real articles (DUC 2004 and ECB+ pooled, shuffled, seed 0) fed one at a time into an
  in-memory store, as a feed brings them: each is stored, its grouping signals computed (spaCy NER and
  MiniLM lead vector) and its region regrouped (stories.assign_stories).
- ``scale``: a synthetic stream of N articles built from those texts, to see how one assignment costs
  as the store grows to N articles. Copy g of an article has every name it carries suffixed with
  ``g001``, ``g002``, ... (in its text and its names), so each copy of a story is a story of its own that
  shares no name with the others, and its signals are the original's (the NER and embedding cost per
  article is measured by ``stream``; here only the lookup and regrouping run, and no MinHash sketch
  is given, so no copy takes the duplicate shortcut: every article is regrouped). Assignment times are
  averaged over the assignments just before the store holds 1,000 and 10,000 articles (and every
  power-of-ten step), with the story count there.
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.embedding import onnx_path
from parallax.models import Article, content_hash
from parallax.nlp import CachingEmbedder, load_embedder
from parallax.pipeline import Pipeline
from parallax.store import Store
from parallax.stories import assign_stories

SHARED = Path(__file__).resolve().parents[2] / "shared"
DUC = SHARED / "eval" / "duc2004" / "duc2004_task2.jsonl"
ECB = SHARED / "eval" / "ecbplus" / "ecbplus_odd_topics.jsonl"
WINDOW = 200  # assignments averaged at each checkpoint

Signals = tuple[npt.NDArray[np.float32], list[str]]


def _pipeline(nlp: Any) -> Pipeline:
    embedder = CachingEmbedder(load_embedder("onnx" if onnx_path(build=True) else "torch"))
    return Pipeline(nlp=nlp, embedder=embedder)


def stream(nlp: Any, count: int) -> tuple[dict[str, float], list[Article], list[Signals]]:
    """The real stream: its figures, and its articles with the signals computed for them."""
    from parallax.eval.stories import clean_docs, load

    docs = load(DUC) + load(ECB)
    random.Random(0).shuffle(docs)
    articles = clean_docs(docs[:count])
    pipe = _pipeline(nlp)
    times: list[float] = []
    start = time.perf_counter()
    with Store() as store:
        for article in articles:
            began = time.perf_counter()
            store.add(article)
            assign_stories(store, pipe)
            times.append(time.perf_counter() - began)
        stories = store.story_count()
        stored = store.signals([a.id for a in articles])
    total = time.perf_counter() - start
    window = max(1, len(times) // 10)
    figures = {
        "articles": len(articles),
        "stories": stories,
        "articles_per_s": round(len(articles) / total, 2),
        "first_tenth_ms_per_assignment": round(1000 * statistics.mean(times[:window]), 1),
        "last_tenth_ms_per_assignment": round(1000 * statistics.mean(times[-window:]), 1),
    }
    return figures, articles, [stored[a.id] for a in articles]


def synthetic(
    articles: Sequence[Article], signals: Sequence[Signals], total: int
) -> Iterator[tuple[Article, Signals]]:
    """``total`` articles: the originals, then copies whose names carry a generation suffix."""
    for k in range(total):
        generation, index = divmod(k, len(articles))
        article, (lead, names) = articles[index], signals[index]
        if generation == 0:
            yield article, (lead, names)
            continue
        tag = f"g{generation:03d}"
        text = article.text
        for name in sorted(set(names), key=len, reverse=True):
            text = text.replace(name, f"{name} {tag}")
        copy = dataclasses.replace(
            article,
            id=content_hash(article.id, tag)[:16],
            text=text,
            source=f"{article.source}#{tag}",
        )
        yield copy, (lead, [f"{name} {tag}" for name in names])


def scale(
    nlp: Any, articles: Sequence[Article], signals: Sequence[Signals], total: int
) -> dict[str, Any]:
    """Assignment time as the store grows to ``total`` articles (signals given, not computed)."""
    pipe = _pipeline(nlp)
    checkpoints = sorted({min(total, 10**k) for k in range(3, 8) if 10**k <= total} | {total})
    times: list[float] = []
    marks: list[dict[str, float]] = []
    start = time.perf_counter()
    with Store() as store:
        for n, (article, (lead, names)) in enumerate(synthetic(articles, signals, total), 1):
            began = time.perf_counter()
            store.add(article)
            store.save_signals(article.id, lead, names)
            assign_stories(store, pipe)
            times.append(time.perf_counter() - began)
            if n in checkpoints:
                recent = times[-WINDOW:]
                marks.append(
                    {
                        "articles": n,
                        "stories": store.story_count(),
                        "ms_per_assignment": round(1000 * statistics.mean(recent), 1),
                        "p90_ms": round(1000 * sorted(recent)[int(0.9 * (len(recent) - 1))], 1),
                    }
                )
    seconds = time.perf_counter() - start
    return {
        "articles": total,
        "seconds": round(seconds, 1),
        "articles_per_s": round(total / seconds, 1),
        "checkpoints": marks,
    }


def scale_line(figures: dict[str, Any]) -> str:
    marks = "; ".join(
        f"at {m['articles']:,} articles ({m['stories']:,} stories) {m['ms_per_assignment']} ms"
        f" (p90 {m['p90_ms']} ms)"
        for m in figures["checkpoints"]
    )
    return (
        f"scale (issue 6): synthetic stream of {figures['articles']:,} articles, signals given, "
        f"{figures['articles_per_s']} assignments/s; one assignment {marks}"
    )
