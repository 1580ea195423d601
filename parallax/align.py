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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.models import (
    Analysis,
    Article,
    Fact,
    Span,
    content_hash,
    numbers_clash,
    publication_day,
)
from parallax.outlets import DATELINE, outlet_key
from parallax.residue import residue_sentence
from parallax.timex import quantity_numbers
from parallax.tweets import in_signature

Matrix = npt.NDArray[np.float32]

FACT_MIN_SIM = 0.75  # same meaning (MSRP: precision 0.79, recall 0.79 at this cosine)
MIN_FACT_WORDS = (
    5  # shorter sentences are fragments ("No one was killed." still counts: 4 words is the floor)
)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


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
    day: int | None = None  # its article's publication day (ordinal)


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
    # other numbers: one fact disputed only in sentences this close and published about together;
    # "Ted Cruz has 11 delegates" (Feb 20) and "Ted Cruz has 370 delegates" (Mar 15) are two tallies
    return not numbers_clash(a.numbers, b.numbers, sim, (a.day, b.day))


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
            if len(text.split()) < opts.min_fact_words or in_signature(article.text, start, end):
                continue  # too short to state a fact, or an embedded tweet's signature line
            if residue_sentence(text):
                continue  # "Visit Business Insider's homepage for more stories.": a page's line
            key = citations.get((a_index, s_index)) or f"group:{groups.get(article.id, a_index)}"
            numbers = quantity_numbers(text)
            out.append(
                _Sentence(
                    a_index,
                    s_index,
                    start,
                    end,
                    _names(article, analysis, start, end),
                    numbers,
                    key,
                    publication_day(article.published),
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
    if len(articles) < 2:
        # every sentence is a fact of its own: nothing to compare, nothing to embed
        sims = np.eye(len(sentences), dtype=np.float32)
    else:
        vectors = np.stack([embeddings[s.article][s.index] for s in sentences])
        sims = vectors @ vectors.T
    members = _cluster(sentences, sims, opts)
    facts = [_fact(group, sentences, sims, articles) for group in members]
    return sorted(facts, key=lambda f: (-f.independent_sources, -len(f.support)))


def _cluster(
    sentences: list[_Sentence], sims: npt.NDArray[np.float32], opts: AlignOptions
) -> list[list[int]]:
    """Complete-link agglomeration under constraints, most similar pair first: two facts merge when
    every pair of their sentences reaches ``fact_min_sim`` and names compatible things, and no article
    would give the fact two sentences.

    Taking pairs by similarity rather than sentences in reading order keeps one early loose paraphrase
    from splitting a fact: when the first article's sentence matched a second article's paraphrase,
    four near-verbatim copies of one quote (cosine 0.90-0.99) used to form a fact of their own beside it.
    scipy's ``linkage`` has no cannot-link constraints, hence the loop; it only visits pairs above the
    threshold.
    """
    articles = np.array([s.article for s in sentences])
    upper = np.triu(sims >= opts.fact_min_sim, 1) & (articles[:, None] != articles[None, :])
    first, second = np.nonzero(upper)
    order = np.lexsort((second, first, -sims[first, second]))  # ties: reading order, deterministic
    owner = list(range(len(sentences)))  # sentence -> its fact's id
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    for k in order:
        a, b = owner[int(first[k])], owner[int(second[k])]
        if a == b:
            continue
        left, right = members[a], members[b]
        if {sentences[i].article for i in left} & {sentences[j].article for j in right}:
            continue
        if float(sims[np.ix_(left, right)].min()) < opts.fact_min_sim or not all(
            _compatible(sentences[i], sentences[j], float(sims[i, j])) for i in left for j in right
        ):
            continue
        keep, gone = min(a, b), max(a, b)
        members[keep] = left + right if keep == a else right + left
        for i in members[gone]:
            owner[i] = keep
        del members[gone]
    return [sorted(group) for _, group in sorted(members.items())]


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
    # one name per outlet, however its pages spell it ("Inexhibit magazine", "Inexhibitmagazine")
    by_key: dict[str, str] = {}
    for i in sorted(group, key=lambda i: sentences[i].article):
        label = outlet_label(articles[sentences[i].article])
        by_key.setdefault(outlet_key(label), label)
    outlet_names = sorted(by_key.values())
    keys = {sentences[i].key for i in group}
    return Fact(
        id="f" + content_hash(*(f"{s.article_id}:{s.start}" for s in support))[:11],
        text=text,
        support=support,
        outlets=tuple(outlet_names),
        independent_sources=len(keys),
    )
