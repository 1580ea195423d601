"""``parallax eval paraphrase``: the "same fact" decision on MSRP sentence pairs.

parallax decides that two sentences state the same fact when their all-MiniLM-L6-v2 cosine reaches
``align.FACT_MIN_SIM`` (entity and number agreement are checked too inside a story, but MSRP pairs are
chosen to share both, so the cosine is what is measured here). Baselines in the same command: always
"same" (the majority class) and word-overlap Jaccard at its best threshold on the same data (an upper
bound for that baseline, since it is tuned on what it is scored on). The table also reports the cosine
threshold that would be best on this data, to show how far the fixed default is from it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.errors import ParallaxError
from parallax.eval.files import json_lines
from parallax.eval.metrics import decision_scores


def load(path: str | Path) -> tuple[list[str], list[str], npt.NDArray[np.bool_]]:
    s1, s2, labels = [], [], []
    for where, row in json_lines(path, "pass an MSRP-style .jsonl file"):
        try:
            s1.append(str(row["s1"]))
            s2.append(str(row["s2"]))
            labels.append(int(row["label"]) == 1)
        except (KeyError, TypeError, ValueError) as exc:
            raise ParallaxError(f'{where}: expected {{"label", "s1", "s2"}} ({exc})') from None
    if not labels:
        raise ParallaxError(f"{path}: no sentence pairs found; pass an MSRP-style .jsonl file")
    return s1, s2, np.array(labels)


def _best(
    scores: npt.NDArray[np.float64], gold: npt.NDArray[np.bool_]
) -> tuple[float, dict[str, float]]:
    best = max(
        (float(t) for t in np.arange(0.30, 0.96, 0.01)),
        key=lambda t: decision_scores(scores >= t, gold)["accuracy"],
    )
    return best, decision_scores(scores >= best, gold)


def _jaccard(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / max(len(wa | wb), 1)


def evaluate(path: str | Path) -> dict[str, Any]:
    from parallax.align import FACT_MIN_SIM
    from parallax.nlp import get_embedder

    s1, s2, gold = load(path)
    start = time.perf_counter()
    embedder = get_embedder()
    a, b = embedder.encode(s1), embedder.encode(s2)
    cosine = (a * b).sum(axis=1).astype(np.float64)
    seconds = time.perf_counter() - start
    rows: list[dict[str, Any]] = [
        {
            "system": f"parallax (MiniLM cosine >= {FACT_MIN_SIM})",
            **decision_scores(cosine >= FACT_MIN_SIM, gold),
            "threshold": FACT_MIN_SIM,
            "seconds": round(seconds, 2),
        }
    ]
    threshold, metrics = _best(cosine, gold)
    rows.append(
        {
            "system": "MiniLM cosine, best threshold on this data",
            **metrics,
            "threshold": round(threshold, 2),
        }
    )
    start = time.perf_counter()
    overlap = np.array([_jaccard(x, y) for x, y in zip(s1, s2, strict=True)])
    threshold, metrics = _best(overlap, gold)
    rows.append(
        {
            "system": "word Jaccard, best threshold on this data",
            **metrics,
            "threshold": round(threshold, 2),
            "seconds": round(time.perf_counter() - start, 2),
        }
    )
    rows.append({"system": "always same (majority)", **decision_scores(np.ones_like(gold), gold)})
    return {"rows": rows, "pairs": len(gold)}
