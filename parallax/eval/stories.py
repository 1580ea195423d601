"""``parallax eval ecbplus``: grouping articles into stories, scored with B-cubed against gold stories.

Input: JSON lines of articles ``{"doc_id", "story_cluster", "text", "topic"?}`` (ECB+'s odd topics in
../shared/eval/ecbplus have this shape), or of clusters ``{"cluster_id", "docs": [{"doc_id", "text"}]}``
(DUC 2004's file: each cluster is one gold story, its documents pooled). A folder is read as every
``*.jsonl`` under it.

B-cubed (Bagga & Baldwin): for each article, precision is the share of its predicted story that shares
its gold story, recall the share of its gold story that shares its predicted story; both are averaged
over articles, F1 is their harmonic mean.

Rows, all run in the same command: parallax fed the articles in document order and in a shuffled order
(seed 0), and two baselines given the best threshold on this same data (so they are at their best):
TF-IDF vectors of the whole text with average-linkage agglomerative clustering on cosine distance, and
MiniLM lead vectors (the mean embedding of the first sentences, what parallax itself starts from) with
the same clustering.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.errors import InputError, ParallaxError
from parallax.eval.files import json_lines

THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))


@dataclass(frozen=True)
class Doc:
    id: str
    story: str
    text: str


def load(path: str | Path, first: int | None = None) -> list[Doc]:
    docs: list[Doc] = []
    for where, row in json_lines(path, "pass a file like ecbplus_odd_topics.jsonl"):
        try:
            if "docs" in row:  # a cluster record: its documents are one story
                docs.extend(
                    Doc(f"{row['cluster_id']}/{d['doc_id']}", str(row["cluster_id"]), d["text"])
                    for d in row["docs"]
                )
            else:
                docs.append(Doc(str(row["doc_id"]), str(row["story_cluster"]), row["text"]))
        except (KeyError, TypeError) as exc:
            raise ParallaxError(
                f"{where}: not an article or cluster record ({exc}); each line needs "
                '"doc_id", "story_cluster" and "text", or "cluster_id" and "docs"'
            ) from None
    if not docs:
        raise ParallaxError(f"{path}: no articles found")
    return docs[:first] if first else docs


def bcubed(gold: Sequence[str], predicted: Sequence[int]) -> dict[str, float]:
    """B-cubed precision, recall and F1 (x100) of a predicted grouping against gold labels."""
    by_gold: dict[str, set[int]] = {}
    by_pred: dict[int, set[int]] = {}
    for index, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        by_gold.setdefault(g, set()).add(index)
        by_pred.setdefault(p, set()).add(index)
    precision = recall = 0.0
    for g, p in zip(gold, predicted, strict=True):
        shared = len(by_gold[g] & by_pred[p])
        precision += shared / len(by_pred[p])
        recall += shared / len(by_gold[g])
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "bcubed_precision": round(100 * precision, 2),
        "bcubed_recall": round(100 * recall, 2),
        "bcubed_f1": round(100 * f1, 2),
    }


def agglomerative(vectors: npt.NDArray[np.float64], threshold: float) -> list[int]:
    """Average-linkage clusters on cosine distance, cut at cosine similarity ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    if len(vectors) < 2:
        return [0] * len(vectors)
    distances = np.nan_to_num(np.clip(pdist(vectors, metric="cosine"), 0.0, 2.0), nan=1.0)
    labels = fcluster(linkage(distances, method="average"), t=1.0 - threshold, criterion="distance")
    return [int(label) for label in labels]


def best_threshold(
    gold: Sequence[str], vectors: npt.NDArray[np.float64]
) -> tuple[float, list[int], dict[str, float]]:
    """The threshold with the best B-cubed F1 on this data: the baselines at their best."""
    best: tuple[float, list[int], dict[str, float]] | None = None
    for threshold in THRESHOLDS:
        labels = agglomerative(vectors, threshold)
        scores = bcubed(gold, labels)
        if best is None or scores["bcubed_f1"] > best[2]["bcubed_f1"]:
            best = (threshold, labels, scores)
    assert best is not None
    return best


def clean_docs(docs: Sequence[Doc]) -> list[Any]:
    from parallax.clean import clean_document
    from parallax.models import RawDocument

    out = []
    for doc in docs:
        try:
            out.append(clean_document(RawDocument(doc.id, doc.text, "record")))
        except InputError as exc:
            raise ParallaxError(f"{doc.id}: {exc.message}") from None
    return out


def _parallax_rows(
    docs: Sequence[Doc], gold: Sequence[str], progress: Callable[[str, int], None] | None
) -> list[dict[str, Any]]:
    """parallax's grouping with the articles in document order and shuffled (seed 0)."""
    from parallax.nlp import get_embedder, get_nlp
    from parallax.pipeline import Pipeline

    pipe = Pipeline(nlp=get_nlp(), embedder=get_embedder())
    shuffled = list(range(len(docs)))
    random.Random(0).shuffle(shuffled)
    rows = []
    for name, order in (
        ("parallax, document order", list(range(len(docs)))),
        ("parallax, shuffled", shuffled),
    ):
        start = time.perf_counter()
        groups = pipe.group(clean_docs([docs[i] for i in order]))
        labels = [0] * len(docs)
        for label, members in enumerate(groups):
            for member in members:
                labels[order[member]] = label
        rows.append(_row(name, gold, labels, None, time.perf_counter() - start))
        if progress:
            progress(name, len(docs))
    return rows


def _stream_rows(
    docs: Sequence[Doc],
    gold: Sequence[str],
    batch: int,
    progress: Callable[[str, int], None] | None,
) -> list[dict[str, Any]]:
    """parallax as a feed uses it: ``batch`` articles at a time into a store (stories.py), in
    document order and shuffled (seed 0)."""
    from parallax.nlp import get_embedder, get_nlp
    from parallax.pipeline import Pipeline
    from parallax.store import Store
    from parallax.stories import assign_stories

    pipe = Pipeline(nlp=get_nlp(), embedder=get_embedder())
    shuffled = list(range(len(docs)))
    random.Random(0).shuffle(shuffled)
    rows = []
    orders = (("document order", list(range(len(docs)))), ("shuffled", shuffled))
    for label, order in orders:
        name = f"parallax, stream of {batch}s, {label}"
        start = time.perf_counter()
        articles = clean_docs([docs[i] for i in order])
        with Store() as store:
            for begin in range(0, len(articles), batch):
                store.add_many(articles[begin : begin + batch])
                assign_stories(store, pipe)
                if progress:
                    progress(name, min(batch, len(articles) - begin))
            story_of = store.story_of()
        ids = {story: n for n, story in enumerate(sorted(set(story_of.values())))}
        labels = [0] * len(docs)
        for position, article in zip(order, articles, strict=True):
            labels[position] = ids[story_of[article.id]]
        rows.append(_row(name, gold, labels, None, time.perf_counter() - start))
    return rows


def _baseline_rows(docs: Sequence[Doc], gold: Sequence[str]) -> list[dict[str, Any]]:
    """TF-IDF and MiniLM lead vectors, each with agglomerative clustering at its best threshold."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from parallax.cluster import lead_vectors
    from parallax.nlp import get_embedder, get_nlp
    from parallax.vectors import SentenceVectors

    start = time.perf_counter()
    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2)
    matrix = tfidf.fit_transform([d.text for d in docs]).toarray()
    threshold, labels, _ = best_threshold(gold, matrix)
    seconds = time.perf_counter() - start
    rows = [_row("TF-IDF + agglomerative (best threshold)", gold, labels, threshold, seconds)]
    start = time.perf_counter()
    articles = clean_docs(docs)
    analyses = get_nlp().analyse(articles, entities=False)
    vectors = SentenceVectors(articles, analyses, get_embedder())
    leads = np.stack(lead_vectors(analyses, vectors)).astype(np.float64)
    threshold, labels, _ = best_threshold(gold, leads)
    seconds = time.perf_counter() - start
    rows.append(
        _row("MiniLM lead + agglomerative (best threshold)", gold, labels, threshold, seconds)
    )
    return rows


def _row(
    name: str, gold: Sequence[str], labels: Sequence[int], threshold: float | None, seconds: float
) -> dict[str, Any]:
    return {
        "system": name,
        **bcubed(gold, labels),
        "stories": len(set(labels)),
        "threshold": threshold,
        "seconds": round(seconds, 2),
    }


def evaluate(
    path: str | Path,
    first: int | None = None,
    baselines: bool = True,
    progress: Callable[[str, int], None] | None = None,
    stream: int = 0,
) -> dict[str, Any]:
    docs = load(path, first)
    gold = [d.story for d in docs]
    rows = _parallax_rows(docs, gold, progress)
    if stream:
        rows.extend(_stream_rows(docs, gold, stream, progress))
    if baselines:
        rows.extend(_baseline_rows(docs, gold))
    rows.sort(key=lambda r: -r["bcubed_f1"])
    return {"rows": rows, "articles": len(docs), "gold_stories": len(set(gold))}
