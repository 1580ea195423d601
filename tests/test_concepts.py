"""The concept-coverage model: concepts, their weights and the exact selection."""

from __future__ import annotations

import numpy as np

from parallax.concepts import Problem, concept_weights, concepts_of, related, solve


def test_concepts_are_stemmed_bigrams_without_stopword_pairs() -> None:
    found = concepts_of("Firefighters fought the fires of the terminal.")
    assert ("firefight", "fought") in found
    assert ("fire", "of") in found  # one content word is enough
    assert ("of", "the") not in found


def test_weights_count_sources_not_sentences() -> None:
    a, b, c = ("grain", "silo"), ("port", "aldmer"), ("rare", "word")
    sets = [{a, b}, {a}, {a, b}, {c}]
    weights = concept_weights(sets, sources=[0, 0, 1, 2], n_sources=4)
    assert weights == {a: 2, b: 2}  # c: one source; a: two sentences of source 0 count once


def _problem(**changes: object) -> Problem:
    x, y, z = ("x", "1"), ("y", "1"), ("z", "1")
    base = {
        "usable": [0, 1, 2],
        "sets": [{x, y}, {x}, {z}],
        "weights": {x: 3, y: 2, z: 3},
        "lengths": [10, 4, 5],
        "bonus": np.zeros(3),
        "exclusive": [],
        "budget": 15,
        "max_sentences": None,
    }
    base.update(changes)
    return Problem(**base)  # type: ignore[arg-type]


def test_selection_covers_the_most_weight_within_the_budget() -> None:
    assert solve(_problem()) == [0, 2]  # x+y+z = 8 in 15 words (all three: 19 words)
    assert solve(_problem(budget=9)) == [1, 2]  # sentence 0 no longer fits: x+z = 6
    assert solve(_problem(exclusive=[(0, 2)])) == [1, 2]  # 1+2 (6) beats 0+1 (5: x counted once)
    assert solve(_problem(max_sentences=1)) == [0]  # x+y = 5 beats 3 alone
    assert solve(_problem(usable=[])) is None


def test_related_sentences_share_weighted_concepts() -> None:
    a, b, c = ("a", "1"), ("b", "1"), ("c", "1")
    sets = [{a, b, c}, {a, b}, {a}, {c}]
    assert related([0], sets, {a: 2, b: 2}, shared=2) == [0, 1]
    assert related([2], sets, {a: 2, b: 2}, shared=2) == [0, 1, 2]  # it has one: one suffices
