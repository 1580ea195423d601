"""Concept coverage: the sentence-selection model behind the brief (Gillick & Favre 2009, ICSISumm).

A concept is a Porter-stemmed word bigram that is not two stopwords. Its weight is the number of
independent sources that use it, counted only when at least a quarter of them (and at least two) do,
plus the number that use it in their lead (position weighting: news tells what matters first). The
brief is the set of sentences that covers the most concept weight within a word budget, found exactly as
an integer linear programme by HiGHS (``scipy.optimize.milp``).

Everything here works on sentence indices and plain numbers, so the summariser decides what a sentence
is and this module only decides which ones to take. The stemmer is the Snowball project's Porter
algorithm in C (PyStemmer). nltk's pure-Python Porter (with its own extensions: "monday" for
"mondai") cost 1.2-1.9 s of every cold run to import (nltk loads scipy.stats) and about a second to
stem DUC 2004's sentences.
spaCy's stopword list comes with spaCy itself.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

Concept: TypeAlias = tuple[str, str]
Weights: TypeAlias = dict[Concept, int]

_TOKEN = re.compile(r"[a-z0-9]+")
MIN_SOURCE_SHARE = 0.25  # ICSISumm counted bigrams in at least 3 of 10 documents
LEAD_SENTENCES = 3  # an article's lead: the inverted pyramid's first three sentences (not tuned)
# HiGHS stops within 1% of the optimum: DUC 2004 as at 0.5% (R-1 36.95 vs 36.96 on cached vectors),
# and Kharkiv's ILP takes 0.12 s instead of 0.35 s
GAP = 0.01


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("porter")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def concepts_of(text: str) -> set[Concept]:
    """The sentence's concepts: stemmed word bigrams, leaving out those made of two stopwords."""
    stop = stopwords()
    words = _TOKEN.findall(text.lower())
    return {
        (_stem(a), _stem(b)) for a, b in itertools.pairwise(words) if not (a in stop and b in stop)
    }


def concept_weights(
    sets: Sequence[set[Concept]],
    sources: Sequence[int],
    n_sources: int,
    lead: Sequence[bool] | None = None,
) -> Weights:
    """Each concept's weight: how many independent sources (``sources[i]``: sentence i's) use it,
    plus how many use it in their lead (``lead[i]``: sentence i is one of its article's first
    LEAD_SENTENCES): news puts what matters first, so a concept the leads share counts twice."""
    users: dict[Concept, set[int]] = {}
    leads: dict[Concept, set[int]] = {}
    for i, (found, source) in enumerate(zip(sets, sources, strict=True)):
        for concept in found:
            users.setdefault(concept, set()).add(source)
            if lead is not None and lead[i]:
                leads.setdefault(concept, set()).add(source)
    least = max(2, math.ceil(MIN_SOURCE_SHARE * n_sources))
    return {c: len(u) + len(leads.get(c, ())) for c, u in users.items() if len(u) >= least}


def densest(
    sets: Sequence[set[Concept]], weights: Weights, lengths: Sequence[int], budget: int, limit: int
) -> list[int]:
    """The ``limit`` sentences that fit the budget with the most concept weight per word, in order.
    The ILP grows with the sentences it weighs; the densest hold every good solution's in practice."""
    density = {
        i: sum(weights.get(c, 0) for c in sets[i]) / lengths[i]
        for i in range(len(sets))
        if lengths[i] <= budget
    }
    return sorted(sorted(density, key=lambda i: -density[i])[:limit])


def related(
    picked: Sequence[int],
    sets: Sequence[set[Concept]],
    weights: Weights,
    shared: int,
    owners: Sequence[int] | None = None,
) -> list[int]:
    """Sentences sharing ``shared`` weighted concepts with a picked one (all of its, if it has fewer):
    a paraphrase of a fact keeps its names and numbers, so only these can say the same thing. With
    ``owners`` (sentence -> article), only sentences of another article than the picked one count:
    the ones that could confirm or cite it."""
    keys = [(sets[i] & weights.keys(), owners[i] if owners else -1) for i in picked]
    return [
        j
        for j, found in enumerate(sets)
        if any(
            len(found & own) >= min(shared, len(own)) > 0
            and (owners is None or owners[j] != owner or j == i)
            for (own, owner), i in zip(keys, picked, strict=True)
        )
    ]


def gains_past(
    chosen: Sequence[int],
    sets: Sequence[set[Concept]],
    weights: Weights,
    lengths: Sequence[int],
    left: int,
) -> dict[int, float]:
    """The concept weight each other sentence would add in its first ``left`` words."""
    covered = set().union(*(sets[i] for i in chosen)) if chosen else set()
    return {
        j: sum(weights.get(c, 0) for c in sets[j] - covered) * min(1.0, left / max(lengths[j], 1))
        for j in range(len(sets))
        if j not in chosen
    }


@dataclass(frozen=True)
class Problem:
    """One selection: the sentences weighed (indices), their concepts, lengths and extra value."""

    usable: Sequence[int]
    sets: Sequence[set[Concept]]
    weights: Weights
    lengths: Sequence[int]
    bonus: npt.NDArray[np.float64]  # per usable sentence: value besides its concepts
    exclusive: Sequence[tuple[int, int]]  # pairs of usable positions that cannot both be chosen
    budget: int
    max_sentences: int | None = None
    one_of: Sequence[int] = ()  # usable positions of which at least one must be chosen


def solve(problem: Problem) -> list[int] | None:
    """The chosen sentences (indices), or None when there is nothing to choose from.

    A concept only one weighed sentence holds is simply that sentence's weight; a shared one gets a
    variable y_k <= the sum of its sentences' x. With positive weights the optimum sets y_k = 1 exactly
    when one of them is chosen, so y may be continuous and only x integral: Gillick & Favre's model with
    the same optimum and a fraction of its rows.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    holders: dict[Concept, list[int]] = {}
    for a, i in enumerate(problem.usable):
        for concept in problem.sets[i] & problem.weights.keys():
            holders.setdefault(concept, []).append(a)
    if not problem.usable or not holders:
        return None
    n = len(problem.usable)
    own = np.zeros(n)
    shared = sorted(c for c, held in holders.items() if len(held) > 1)
    for concept, held in holders.items():
        if len(held) == 1:
            own[held[0]] += problem.weights[concept]
    matrix, upper = _constraints(problem, holders, shared)
    gains = np.array([problem.weights[c] for c in shared], dtype=float)
    with _quiet_stdout():
        result = milp(
            -np.concatenate([own + problem.bonus, gains]),
            constraints=LinearConstraint(matrix, np.full(len(upper), -np.inf), upper),
            integrality=np.concatenate([np.ones(n), np.zeros(len(shared))]),
            bounds=Bounds(0, 1),
            options={"time_limit": 10.0, "mip_rel_gap": GAP},
        )
    if result.x is None:
        return None
    return [problem.usable[a] for a in range(n) if result.x[a] > 0.5]


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Send what C code writes to the process's stdout to /dev/null for the duration.

    HiGHS (scipy 1.17's) prints a stray debug line, ``HighsMipSolverData::transformNewIntegerFeasible
    Solution tmpSolver.run();``, straight to file descriptor 1 on some problems, whatever its output
    options say (ERGO-Code/HiGHS#2783). On DUC 2004's d30011 it landed in the middle of
    ``parallax ... --format json`` output. Python's own buffer is flushed first so nothing of ours is
    lost.
    """
    if sys.stdout is not None:  # None when embedded without a console
        sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no stdout to protect
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _constraints(
    problem: Problem, holders: dict[Concept, list[int]], shared: list[Concept]
) -> tuple[object, npt.NDArray[np.float64]]:
    """The rows: the word budget, concept coverage, the sentence cap, excluded pairs, one of."""
    from scipy.sparse import coo_matrix

    n = len(problem.usable)
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    upper: list[float] = []

    def row(entries: list[tuple[int, float]], bound: float) -> None:
        for col, value in entries:
            rows.append(len(upper))
            cols.append(col)
            values.append(value)
        upper.append(bound)

    row([(a, float(problem.lengths[i])) for a, i in enumerate(problem.usable)], problem.budget)
    for k, concept in enumerate(shared):  # y_k <= sum of x over the sentences holding concept k
        row([(n + k, 1.0), *((a, -1.0) for a in holders[concept])], 0.0)
    if problem.max_sentences:
        row([(a, 1.0) for a in range(n)], problem.max_sentences)
    for a, b in problem.exclusive:
        row([(a, 1.0), (b, 1.0)], 1.0)
    if problem.one_of:  # sum of x over them >= 1
        row([(a, -1.0) for a in problem.one_of], -1.0)
    matrix = coo_matrix((values, (rows, cols)), shape=(len(upper), n + len(shared))).tocsr()
    return matrix, np.array(upper)
