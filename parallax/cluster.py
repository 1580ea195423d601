"""Articles -> stories, for one batch of files (issue 6 makes it online and incremental).

Each article is represented by the mean embedding of its lead (its first sentences, where news states
what the story is); articles are grouped by average-linkage agglomerative clustering on cosine distance
(scipy), cut at ``ClusterOptions.same_story_min_sim``. Deterministic: the same input gives the same groups,
listed by the position of their first article.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from parallax.config import ClusterOptions

LEAD_SENTENCES = 6  # the lead and its elaboration; later paragraphs drift into background


def lead_vector(sentence_vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """An article's story vector: the normalised mean of its first sentences' embeddings."""
    if len(sentence_vectors) == 0:
        return np.zeros(
            sentence_vectors.shape[1] if sentence_vectors.ndim == 2 else 384, dtype=np.float32
        )
    mean = sentence_vectors[:LEAD_SENTENCES].mean(axis=0)
    return np.asarray(mean / max(float(np.linalg.norm(mean)), 1e-9), dtype=np.float32)


def cluster_articles(
    lead_vectors: Sequence[npt.NDArray[np.float32]], opts: ClusterOptions | None = None
) -> list[list[int]]:
    """Groups of article indices, each one story, in order of first appearance."""
    opts = opts or ClusterOptions()
    count = len(lead_vectors)
    if count <= 1:
        return [list(range(count))] if count else []
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    matrix = np.stack(lead_vectors).astype(np.float64)
    distances = np.clip(pdist(matrix, metric="cosine"), 0.0, 2.0)
    tree = linkage(distances, method="average")
    labels = fcluster(tree, t=1.0 - opts.same_story_min_sim, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])
