"""The brief: an extractive, length-controlled, cited summary of one story.

Every sentence of the brief is a span of one article's cleaned text, copied verbatim, and cites that span
plus the spans in other articles that say the same thing (cosine of MiniLM embeddings). Sentences are
scored by how central they are to the story, how many outlets carry them, and how early they come in their
article (news puts what matters first); they are picked greedily within the word budget, skipping any that
repeat a picked one in other words, and shown in the order the sources tell the story.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.config import BriefOptions
from parallax.models import Analysis, Article, Brief, BriefSentence, Span

Matrix = npt.NDArray[np.float32]

WEIGHT_CENTRALITY = 0.45  # similarity to the story's centroid: on topic
WEIGHT_SUPPORT = 0.35  # share of the other outlets that carry the same point
WEIGHT_POSITION = 0.20  # lead sentences: the inverted pyramid puts the news first
CONNECTIVE_PENALTY = 0.10  # a sentence opening with "But" reads oddly out of its context
PRONOUN_START = re.compile(r"^(?:He|She|They|It|His|Her|Their|Its|This|These|Those|That)\b")
CONNECTIVE_START = re.compile(r"^(?:But|And|Also|However|Still|Meanwhile|Yet|So|Instead|Then)\b")
TERMINAL = re.compile(r"[.!…][\"'”’)\]]*$")
# A dateline opening a lead ("WASHINGTON —", "KYIV, Ukraine (AP) —") is left out of the brief's sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z .’'-]{1,40}(?:,\s*[A-Z][\w .]{1,30})?(?:\s*\([^)]{1,30}\))?\s*[—–]\s*"
)


@dataclass(frozen=True)
class Candidate:
    """A sentence of the story that could go into the brief."""

    article: int  # index into the story's articles
    start: int
    end: int
    position: int  # index of the sentence within its article
    words: int
    connective: bool  # opens with "But", "However", ...: leans on the sentence before it


@dataclass(frozen=True)
class StoryText:
    """What the summariser reads: the story's articles, their sentences and one embedding per sentence."""

    articles: Sequence[Article]
    analyses: Sequence[Analysis]
    embeddings: Sequence[Matrix]  # one (sentences x dims) matrix per article
    groups: Mapping[str, int] | None = (
        None  # article id -> independent group (derive.py); None: all apart
    )

    def group_of(self, index: int) -> int:
        """The independent group of the article at ``index``."""
        return self.groups[self.articles[index].id] if self.groups else index


def _candidate(
    article: Article, index: int, start: int, end: int, position: int, opts: BriefOptions
) -> Candidate | None:
    dateline = DATELINE.match(article.text, start, end)
    if dateline:
        start = dateline.end()
    text = article.text[start:end]
    words = len(text.split())
    if not opts.min_sentence_words <= words <= opts.max_sentence_words:
        return None
    if not TERMINAL.search(text) or (not text[:1].isupper() and not text.startswith(("“", '"'))):
        return None
    if PRONOUN_START.match(text):
        return None  # "He said ..." without the sentence before it leaves the reader guessing who
    return Candidate(index, start, end, position, words, bool(CONNECTIVE_START.match(text)))


def candidates(story: StoryText, opts: BriefOptions) -> tuple[list[Candidate], Matrix]:
    """Every usable sentence and its embedding row."""
    found: list[Candidate] = []
    rows: list[npt.NDArray[np.float32]] = []
    for index, (article, analysis, matrix) in enumerate(
        zip(story.articles, story.analyses, story.embeddings, strict=True)
    ):
        for position, (start, end) in enumerate(analysis.sentences):
            cand = _candidate(article, index, start, end, position, opts)
            if cand is not None:
                found.append(cand)
                rows.append(matrix[position])
    dims = story.embeddings[0].shape[1] if story.embeddings else 384
    return found, (np.stack(rows) if rows else np.zeros((0, dims), dtype=np.float32))


def _carried(
    cands: list[Candidate], sims: npt.NDArray[np.float32], story: StoryText, opts: BriefOptions
) -> npt.NDArray[np.float64]:
    """For each candidate, how many independent groups other than its own carry the same point."""
    owner = np.array([story.group_of(c.article) for c in cands])
    carried = np.zeros(len(cands))
    for group in sorted(set(owner.tolist())):
        cols = owner == group
        carried += (sims[:, cols].max(axis=1) >= opts.support_min_sim) & (owner != group)
    return carried


def _scores(
    cands: list[Candidate], vectors: Matrix, story: StoryText, opts: BriefOptions
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float32], npt.NDArray[np.float64]]:
    centroid = vectors.mean(axis=0)
    centroid = centroid / max(float(np.linalg.norm(centroid)), 1e-9)
    centrality = vectors @ centroid
    sims = vectors @ vectors.T
    carried = _carried(cands, sims, story, opts)
    n_groups = len({story.group_of(i) for i in range(len(story.articles))})
    support_share = carried / max(n_groups - 1, 1)
    position = np.array([1.0 / (1.0 + c.position / 3.0) for c in cands])
    connective = np.array([CONNECTIVE_PENALTY if c.connective else 0.0 for c in cands])
    score = (
        WEIGHT_CENTRALITY * centrality
        + WEIGHT_SUPPORT * support_share
        + WEIGHT_POSITION * position
        - connective
    )
    return score, sims, carried


def _select(
    cands: list[Candidate],
    score: npt.NDArray[np.float64],
    sims: npt.NDArray[np.float32],
    opts: BriefOptions,
) -> list[int]:
    chosen: list[int] = []
    used = 0
    for i in np.argsort(-score, kind="stable"):
        idx = int(i)
        if used + cands[idx].words > opts.words:
            continue
        if chosen and float(sims[idx, chosen].max()) >= opts.redundancy_max_sim:
            continue
        chosen.append(idx)
        used += cands[idx].words
    if not chosen and cands:  # every sentence is longer than the budget: the best one, whole
        chosen.append(int(np.argmax(score)))
    return chosen


def _citations(
    idx: int,
    cands: list[Candidate],
    sims: npt.NDArray[np.float32],
    story: StoryText,
    opts: BriefOptions,
) -> tuple[Span, ...]:
    main = cands[idx]
    spans = [Span(story.articles[main.article].id, main.start, main.end)]
    best: dict[int, tuple[float, int]] = {}
    for j, other in enumerate(cands):
        if other.article == main.article or sims[idx, j] < opts.support_min_sim:
            continue
        if other.article not in best or sims[idx, j] > best[other.article][0]:
            best[other.article] = (float(sims[idx, j]), j)
    for art in sorted(best):
        other = cands[best[art][1]]
        spans.append(Span(story.articles[art].id, other.start, other.end))
    return tuple(spans)


def _reading_order(
    chosen: list[int],
    cands: list[Candidate],
    story: StoryText,
    sims: npt.NDArray[np.float32],
    opts: BriefOptions,
) -> list[int]:
    """Order sentences by where the sources tell them: the earliest relative position among the
    articles that carry each point, then the article's date."""

    def key(idx: int) -> tuple[float, str, int]:
        carriers = [
            j for j in range(len(cands)) if j == idx or sims[idx, j] >= opts.support_min_sim
        ]
        rel = min(
            cands[j].position / max(len(story.analyses[cands[j].article].sentences), 1)
            for j in carriers
        )
        return (rel, story.articles[cands[idx].article].published or "9999", cands[idx].position)

    return sorted(chosen, key=key)


def summarise(story: StoryText, opts: BriefOptions | None = None) -> Brief:
    """The story's brief within ``opts.words`` words (only a single overlong sentence may exceed it)."""
    opts = opts or BriefOptions()
    cands, vectors = candidates(story, opts)
    if not cands:
        return Brief(words=0, sentences=())
    score, sims, carried = _scores(cands, vectors, story, opts)
    chosen = _reading_order(_select(cands, score, sims, opts), cands, story, sims, opts)
    sentences = []
    for idx in chosen:
        cand = cands[idx]
        text = story.articles[cand.article].text[cand.start : cand.end]
        citations = _citations(idx, cands, sims, story, opts)
        sentences.append(BriefSentence(text, citations, int(carried[idx]) + 1))
    return Brief(words=sum(len(s.text.split()) for s in sentences), sentences=tuple(sentences))


def story_title(story: StoryText) -> str | None:
    """The headline of the article whose lead is closest to the story's centre."""
    titled = [i for i, a in enumerate(story.articles) if a.title]
    if not titled:
        return None
    leads = np.stack(
        [
            story.embeddings[i][:5].mean(axis=0)
            if len(story.embeddings[i])
            else np.zeros(384, dtype=np.float32)
            for i in range(len(story.articles))
        ]
    )
    centre = leads.mean(axis=0)
    best = max(titled, key=lambda i: float(leads[i] @ centre))
    return story.articles[best].title
