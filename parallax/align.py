"""Facts: statements aligned across the articles of a story, with how many independent sources carry each.

Two sentences of different articles state the same fact when their MiniLM cosine reaches
``FACT_MIN_SIM`` and they do not name different things: if both name people, organisations or places,
they share at least one; if both carry numbers, they share at least one (or their cosine is so high that
the numbers are a discrepancy about one fact, not two facts).

A fact's ``independent_sources`` counts distinct sources among its supporting sentences: an article's
group (articles that duplicate, rewrite or carry another count once, see ``derive.independent_groups``),
except that a sentence attributing its content to an outlet ("told Politico", "the AP reported") counts as
that outlet, so two outlets repeating Politico's scoop confirm it once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.models import Analysis, Article, Fact, Span, content_hash
from parallax.outlets import DATELINE

Matrix = npt.NDArray[np.float32]

FACT_MIN_SIM = 0.75  # same meaning (MSRP: precision 0.79, recall 0.79 at this cosine)
SAME_FACT_DESPITE_NUMBERS_SIM = (
    0.88  # this close, differing numbers are a discrepancy about one fact
)
MIN_FACT_WORDS = (
    5  # shorter sentences are fragments ("No one was killed." still counts: 4 words is the floor)
)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class AlignOptions:
    fact_min_sim: float = FACT_MIN_SIM
    min_fact_words: int = 4

    def __post_init__(self) -> None:
        if not 0.0 < self.fact_min_sim <= 1.0:
            raise ValueError(f"fact_min_sim must be in (0, 1], got {self.fact_min_sim}")


@dataclass(frozen=True)
class _Sentence:
    article: int
    index: int
    start: int
    end: int
    names: frozenset[str]
    numbers: frozenset[str]
    key: str  # the independent source this sentence speaks for


def outlet_label(article: Article) -> str:
    """The article's outlet, or a label that keeps unidentified outlets apart."""
    return article.outlet or f"unidentified ({article.source.rsplit('/', 1)[-1][:40]})"


def _names(article: Article, analysis: Analysis, start: int, end: int) -> frozenset[str]:
    names = {
        e.text.lower().removeprefix("the ")
        for e in analysis.entities
        if e.label in NAME_LABELS and start <= e.start < end
    }
    return frozenset(names)


def _compatible(a: _Sentence, b: _Sentence, sim: float) -> bool:
    if a.names and b.names and not (a.names & b.names):
        return False
    return not (
        a.numbers
        and b.numbers
        and not (a.numbers & b.numbers)
        and sim < SAME_FACT_DESPITE_NUMBERS_SIM
    )


def _sentences(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    groups: Mapping[str, int],
    citations: Mapping[tuple[int, int], str],
    opts: AlignOptions,
) -> list[_Sentence]:
    out = []
    for a_index, (article, analysis) in enumerate(zip(articles, analyses, strict=True)):
        for s_index, (start, end) in enumerate(analysis.sentences):
            dateline = DATELINE.match(article.text, start, end)
            if dateline:
                start = dateline.end()
            text = article.text[start:end]
            if len(text.split()) < opts.min_fact_words:
                continue
            key = citations.get((a_index, s_index)) or f"group:{groups.get(article.id, a_index)}"
            numbers = frozenset(n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(text))
            out.append(
                _Sentence(
                    a_index,
                    s_index,
                    start,
                    end,
                    _names(article, analysis, start, end),
                    numbers,
                    key,
                )
            )
    return out


def align_facts(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    embeddings: Sequence[Matrix],
    groups: Mapping[str, int],
    citations: Mapping[tuple[int, int], str] | None = None,
    opts: AlignOptions | None = None,
) -> list[Fact]:
    """The story's facts, best confirmed first.

    ``citations`` maps (article index, sentence index) to the source key of a sentence that attributes
    its content to another outlet.
    """
    opts = opts or AlignOptions()
    sentences = _sentences(articles, analyses, groups, citations or {}, opts)
    if not sentences:
        return []
    vectors = np.stack([embeddings[s.article][s.index] for s in sentences])
    sims = vectors @ vectors.T
    members = _cluster(sentences, sims, opts)
    facts = [_fact(group, sentences, sims, articles) for group in members]
    return sorted(facts, key=lambda f: (-f.independent_sources, -len(f.support)))


def _cluster(
    sentences: list[_Sentence], sims: npt.NDArray[np.float32], opts: AlignOptions
) -> list[list[int]]:
    """Greedy, in reading order: a sentence joins the fact whose every member it matches best."""
    facts: list[list[int]] = []
    for i, sentence in enumerate(sentences):
        best, best_sim = -1, opts.fact_min_sim
        for f, group in enumerate(facts):
            if any(sentences[j].article == sentence.article for j in group):
                continue
            sim = float(min(sims[i, j] for j in group))
            if sim >= best_sim and all(
                _compatible(sentence, sentences[j], float(sims[i, j])) for j in group
            ):
                best, best_sim = f, sim
        if best >= 0:
            facts[best].append(i)
        else:
            facts.append([i])
    return facts


def _fact(
    group: list[int],
    sentences: list[_Sentence],
    sims: npt.NDArray[np.float32],
    articles: Sequence[Article],
) -> Fact:
    medoid = max(group, key=lambda i: float(sims[i, group].sum()))
    canon = sentences[medoid]
    text = articles[canon.article].text[canon.start : canon.end]
    support = tuple(
        Span(articles[sentences[i].article].id, sentences[i].start, sentences[i].end)
        for i in sorted(group, key=lambda i: sentences[i].article)
    )
    outlet_names = sorted({outlet_label(articles[sentences[i].article]) for i in group})
    keys = {sentences[i].key for i in group}
    return Fact(
        id="f" + content_hash(*(f"{s.article_id}:{s.start}" for s in support))[:11],
        text=text,
        support=support,
        outlets=tuple(outlet_names),
        independent_sources=len(keys),
    )
