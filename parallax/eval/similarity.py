"""``parallax eval similarity``: the "same story" similarity against human ratings of article pairs.

Input: SemEval-2022 Task 8's CSV (../shared/eval/semeval2022-task8/training_set.csv): one article pair per
row, with ``text1``, ``text2``, ``lang1``, ``lang2`` and ``Overall``, the annotators' mean rating from 1
(very similar: the same story) to 4 (very dissimilar). parallax reads English only, so pairs in other
languages are left out (and counted); so is a pair with an empty text.

This is held-out data for the grouping: its cut (``ClusterOptions.same_story_min_sim``) was chosen on DUC
2004 pooled, and its signals were set on ECB+ and DUC. What is measured, for parallax's pair similarity
(cluster.story_similarity: words, names and lead meaning, TF-IDF fitted on every text of the file) and
for two baselines in the same run, TF-IDF cosine of the whole texts and the MiniLM lead cosine:

- Pearson and Spearman correlation with the ratings (of similarity with -Overall, so higher is better);
- the "same story" decision, with a pair counted the same story when its mean rating is below 2.5
  (nearer "similar" than "dissimilar"): parallax at its fixed cut, and every row at the cut that is best
  on this data (an upper bound, tuned on what it is scored on);
- for parallax, the share of pairs at each rounded rating that reach the fixed cut.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.errors import InputError, ParallaxError
from parallax.eval.metrics import decision_scores

SAME_STORY_BELOW = 2.5  # a mean rating under this is nearer "similar" than "dissimilar"
_COLUMNS = ("text1", "text2", "lang1", "lang2", "Overall")


def load(path: str | Path) -> tuple[list[tuple[str, str, float]], int]:
    """English pairs with their Overall rating, and how many pairs were left out."""
    csv.field_size_limit(sys.maxsize)  # whole articles sit in one field
    try:
        with Path(path).open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ParallaxError(f"{path}: cannot read it as a CSV file ({exc})") from None
    if not rows or any(c not in rows[0] for c in _COLUMNS):
        raise ParallaxError(
            f"{path}: expected SemEval-2022 Task 8 columns {', '.join(_COLUMNS)}; "
            "pass a file like training_set.csv"
        )
    pairs: list[tuple[str, str, float]] = []
    for row in rows:
        english = row["lang1"] == "en" and row["lang2"] == "en"
        if english and row["text1"].strip() and row["text2"].strip():
            try:
                pairs.append((row["text1"], row["text2"], float(row["Overall"])))
            except ValueError:
                continue
    if not pairs:
        raise ParallaxError(f"{path}: no English pair with both texts and a rating")
    return pairs, len(rows) - len(pairs)


def _decision(
    scores: npt.NDArray[np.float64], same: npt.NDArray[np.bool_], cut: float
) -> dict[str, float]:
    return {**decision_scores(scores >= cut, same), "cut": round(cut, 2)}


def _best(scores: npt.NDArray[np.float64], same: npt.NDArray[np.bool_]) -> dict[str, float]:
    cuts = [round(0.05 * k, 2) for k in range(1, 20)]
    return max((_decision(scores, same, c) for c in cuts), key=lambda d: d["accuracy"])


def _correlations(
    scores: npt.NDArray[np.float64], overall: npt.NDArray[np.float64]
) -> dict[str, float]:
    from scipy.stats import pearsonr, spearmanr

    return {
        "pearson": round(float(pearsonr(scores, -overall)[0]), 3),
        "spearman": round(float(spearmanr(scores, -overall)[0]), 3),
    }


def evaluate(path: str | Path) -> dict[str, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from parallax.clean import clean_document
    from parallax.cluster import story_similarity
    from parallax.config import ClusterOptions
    from parallax.models import Article, RawDocument
    from parallax.nlp import get_embedder, get_nlp
    from parallax.pipeline import Pipeline

    pairs, left_out = load(path)
    start = time.perf_counter()
    articles: list[Article] = []
    kept: list[float] = []
    for number, (first, second, rating) in enumerate(pairs):
        try:
            cleaned = [
                clean_document(RawDocument(source=f"pair {number} text {k}", text=t, fmt="record"))
                for k, t in ((1, first), (2, second))
            ]
        except InputError:  # e.g. labelled English but not: parallax would refuse it too
            left_out += 1
            continue
        articles.extend(cleaned)
        kept.append(rating)
    if not kept:
        raise ParallaxError(f"{path}: no pair left once cleaned")
    overall = np.array(kept)
    same = overall < SAME_STORY_BELOW
    signals = Pipeline(nlp=get_nlp(), embedder=get_embedder()).signals(articles)
    texts = [a.text for a in articles]
    whole = story_similarity(texts, [e for _, e in signals], [lead for lead, _ in signals])
    first_of = np.arange(0, len(articles), 2)
    ours = whole[first_of, first_of + 1]
    seconds = time.perf_counter() - start

    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    words = np.asarray((tfidf[first_of].multiply(tfidf[first_of + 1])).sum(axis=1)).ravel()
    leads = np.stack([lead for lead, _ in signals]).astype(np.float64)
    meaning = (leads[first_of] * leads[first_of + 1]).sum(axis=1)

    cut = ClusterOptions().same_story_min_sim
    rows: list[dict[str, Any]] = [
        {
            "system": "parallax (fixed cut)",
            **_correlations(ours, overall),
            **_decision(ours, same, cut),
            "seconds": round(seconds, 2),
        },
        {
            "system": "parallax, best cut on this data",
            **_correlations(ours, overall),
            **_best(ours, same),
        },
        {
            "system": "TF-IDF cosine, best cut on this data",
            **_correlations(words, overall),
            **_best(words, same),
        },
        {
            "system": "MiniLM lead cosine, best cut on this data",
            **_correlations(meaning, overall),
            **_best(meaning, same),
        },
    ]
    ratings = np.clip(np.round(overall), 1, 4).astype(int)
    by_rating = [
        {
            "rating": int(r),
            "pairs": int((ratings == r).sum()),
            "share_at_cut": round(100 * float((ours[ratings == r] >= cut).mean()), 1),
            "median_similarity": round(float(np.median(ours[ratings == r])), 3),
        }
        for r in range(1, 5)
        if (ratings == r).any()
    ]
    return {
        "rows": rows,
        "by_rating": by_rating,
        "pairs": len(kept),
        "left_out": left_out,
        "same_story_pairs": int(same.sum()),
    }
