"""Scores shared by the eval commands."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def decision_scores(
    predicted: npt.NDArray[np.bool_], gold: npt.NDArray[np.bool_]
) -> dict[str, float]:
    """Accuracy, precision, recall and F1 (x100) of yes/no decisions against gold ones."""
    tp = float((predicted & gold).sum())
    precision = tp / max(float(predicted.sum()), 1.0)
    recall = tp / max(float(gold.sum()), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": round(100 * float((predicted == gold).mean()), 2),
        "precision": round(100 * precision, 2),
        "recall": round(100 * recall, 2),
        "f1": round(100 * f1, 2),
    }
