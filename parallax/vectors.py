"""Sentence embeddings computed when a stage first asks for them.

The full analysis (derivations, facts, timeline, discrepancies) compares every sentence of a story of
several articles with every other, so the pipeline embeds those stories' sentences in one batch; a story
of one article compares nothing and is briefed by its lead, so only grouping's lead sentences of it are
embedded. A brief alone needs far fewer: the sentences the summariser weighs, and the ones that may cite
them. Embedding is most of a run's cost, so ``SentenceVectors`` embeds only the rows asked for, in one
batch per request, and keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from parallax.models import Analysis, Article
from parallax.nlp import Embedder

Matrix = npt.NDArray[np.float32]
DIMENSIONS = 384


class SentenceVectors(Sequence[Matrix]):
    """Per-article (sentences x dims) matrices; ``rows`` fetches only the sentences named."""

    def __init__(
        self,
        articles: Sequence[Article],
        analyses: Sequence[Analysis],
        embedder: Embedder,
        _shared: tuple[list[list[str]], list[Matrix], list[npt.NDArray[np.bool_]]] | None = None,
        _members: Sequence[int] | None = None,
    ) -> None:
        self._embedder = embedder
        if _shared is None:
            texts = [
                [a.text[s:e] for s, e in an.sentences]
                for a, an in zip(articles, analyses, strict=True)
            ]
            matrices = [np.zeros((len(t), DIMENSIONS), dtype=np.float32) for t in texts]
            done = [np.zeros(len(t), dtype=bool) for t in texts]
            _shared = (texts, matrices, done)
        self._texts: list[list[str]] = _shared[0]
        self._matrices: list[Matrix] = _shared[1]
        self._done: list[npt.NDArray[np.bool_]] = _shared[2]
        self._members = list(_members) if _members is not None else list(range(len(self._texts)))

    def subset(self, indices: Sequence[int]) -> SentenceVectors:
        """The vectors of some of the articles (a story), sharing what is already embedded."""
        return SentenceVectors(
            (),
            (),
            self._embedder,
            (self._texts, self._matrices, self._done),
            [self._members[i] for i in indices],
        )

    def __len__(self) -> int:
        return len(self._members)

    def __getitem__(self, index: int) -> Matrix:  # type: ignore[override]
        article = self._members[index]
        self.rows([(index, p) for p in range(len(self._texts[article]))])
        return self._matrices[article]

    def rows(self, keys: Sequence[tuple[int, int]]) -> Matrix:
        """The vectors of sentences given as (article index, sentence index), embedding the missing."""
        wanted = [(self._members[a], p) for a, p in keys]
        missing = list(dict.fromkeys((a, p) for a, p in wanted if not self._done[a][p]))
        if missing:
            vectors = self._embedder.encode([self._texts[a][p] for a, p in missing])
            for (a, p), vector in zip(missing, vectors, strict=True):
                self._matrices[a][p] = vector
                self._done[a][p] = True
        if not wanted:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._matrices[a][p] for a, p in wanted])

    @property
    def embedded(self) -> int:
        """How many sentences have been embedded so far (for benchmarks and tests)."""
        return int(sum(d.sum() for d in self._done))


def rows(embeddings: Sequence[Matrix], keys: Sequence[tuple[int, int]]) -> Matrix:
    """Rows of per-article matrices, lazily when ``embeddings`` is a ``SentenceVectors``."""
    if isinstance(embeddings, SentenceVectors):
        return embeddings.rows(keys)
    if not keys:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([embeddings[a][p] for a, p in keys])
