"""The brief: an extractive, length-controlled, cited summary of one story.

Every sentence of the brief is a span of one article's cleaned text, copied verbatim, and cites that span
plus the spans in other articles that say the same thing (cosine of MiniLM embeddings).

Which sentences: the set that covers the most *concepts* (stemmed word bigrams weighted by the
independent sources that use them) within the word budget, found exactly by an integer programme
(concepts.py: Gillick & Favre's model, as in ICSISumm). A sentence other independent sources confirm
(MiniLM cosine >= support_min_sim) is worth one concept unit per source; pairs that say the same thing
in other words (cosine >= redundancy_max_sim) cannot both be chosen. A story of several articles that are
one source (copies), or where no concept recurs, falls back to the older score: centrality to the
story's centroid, support by other outlets and position. A story of one article is briefed by its lead.
The brief is shown in the order the sources tell the story (or by date, or by importance), under a
headline cut from its lead point.

Nothing here was fitted to DUC 2004's references: the concept definition, the document-frequency cut
and the weights are ICSISumm's published choices, expressed per independent source.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.concepts import (
    LEAD_SENTENCES,
    Concept,
    Problem,
    Weights,
    concept_weights,
    concepts_of,
    densest,
    gains_past,
    related,
    solve,
    stopwords,
)
from parallax.config import BriefOptions
from parallax.models import (
    Analysis,
    Article,
    Brief,
    BriefSentence,
    Span,
    numbers_clash,
    publication_day,
)
from parallax.outlets import DATELINE, find_outlets
from parallax.residue import residue_sentence
from parallax.temporal import Period, dates_clash, event_periods
from parallax.timex import quantity_numbers
from parallax.tweets import in_tweet
from parallax.vectors import SentenceVectors, rows

Matrix = npt.NDArray[np.float32]

WEIGHT_CENTRALITY = 0.45  # similarity to the story's centroid: on topic
WEIGHT_SUPPORT = 0.35  # share of the other outlets that carry the same point
WEIGHT_POSITION = 0.20  # lead sentences: the inverted pyramid puts the news first
CONNECTIVE_PENALTY = 0.10  # a sentence opening with "But" reads oddly out of its context
PRONOUN_START = re.compile(r"^(?:He|She|They|It|His|Her|Their|Its|This|These|Those|That)\b")
# "But", "So", ...; not "Then-President", "So far", "So-called" or "Still photographs"
CONNECTIVE_START = re.compile(
    r"^(?:But|And|Also|However|Still(?=,)|Meanwhile|Yet|So|Instead|Then)(?![\w-])(?!\s+far\b)"
)
# ... or that points back at what the sentence before it said: "The Democratic Party had a terrible
# one.", "..., it may not bother taking that step." (treated as a connective: it leans on it)
_BACK_NOUNS = (
    "step|move|decision|idea|effort|approach|proposal|position|view|claim|argument|remark|comment|"
    "notion|scenario|possibility|option|tactic|strategy|change|shift|development|announcement|"
    "revelation"
)
_BACK_PLURALS = (
    "steps|moves|decisions|ideas|efforts|approaches|proposals|positions|views|claims|arguments|"
    "remarks|comments|notions|scenarios|possibilities|options|tactics|strategies|changes|shifts|"
    "developments|announcements|revelations"
)
LEANS_BACK = re.compile(
    r"\b(?:a|an)\s+(?:[a-z]+\s+){0,2}one[.!]?[\"'”’]*$"
    # a demonstrative of the number of its noun: "that changes" is "said that changes ...", no pointer
    rf"|\b(?:this|that|such an?)\s+(?:{_BACK_NOUNS})\b"
    rf"|\b(?:these|those|such)\s+(?:{_BACK_PLURALS})\b",
    re.IGNORECASE,
)
# a line that credits the outlet that broke the story, "Who copied whom" shows it as a citation:
# "... was first reported by Politico." (an outlet, maybe a time, and the end); not "The disease was
# first reported in 1976." or "Politico first reported that ..."
SCOOP_CREDIT = re.compile(
    r"\bfirst\s+(?:reported|disclosed|revealed)\s+(?:by|in)\s+(?P<outlet>[^,;:]+?)[.!]?[\"'”’]*$",
    re.IGNORECASE,
)
# ... or opens with it: "Politico was first to report the news.", "CNN was the first to report it."
SCOOP_FIRST = re.compile(
    r"^(?P<outlet>[^,;:]+?)\s+(?:was|were)\s+(?:the\s+)?first\s+to\s+(?:report|break|reveal|disclose)"
    r"\b[^,;:]*$",
    re.IGNORECASE,
)
CREDIT_MAX_WORDS = 12  # ... when it says little else: a longer sentence carries news of its own
# a line that only says someone would not talk: "The governor's office didn't immediately respond to
# The Hill's request for comment.", "Police declined to comment." (news says it; a brief need not)
NO_COMMENT = re.compile(
    r"\b(?:did not|didn[’']t|does not|doesn[’']t|has not|hasn[’']t|have not|haven[’']t)\s+"
    r"(?:immediately\s+)?(?:respond|reply|return)\w*\b.{0,80}\bfor comment\b|"
    r"\b(?:declined|refused) to comment\b|\bcould not (?:immediately )?be reached for comment\b",
    re.IGNORECASE,
)
NO_COMMENT_MAX_WORDS = 20  # ... when it says little else
# what an aggregator writes of others' reporting without naming them: a first-hand sentence with the
# same point is the better one to show and cite first
HEARSAY = re.compile(
    r"\baccording to (?:(?:media|news|press|local|unconfirmed|several|multiple)\s+)?reports\b"
    r"|\b(?:media|news|press) reports? (?:said|say|says|suggest(?:ed|s)?)\b"
    r"|\bit (?:was|has been|is) reported that\b",
    re.IGNORECASE,
)
# ... unless it names them: "according to reports by The New York Times"
_NAMED_REPORTS = re.compile(r"\breports?\s+(?:by|from|in|of)\s+(?:the\s+)?[A-Z]")
HEARSAY_PENALTY = 1.0  # in concept units: one confirming source's worth
# a sentence of an article that copies, rewrites or carries another article of the story, or that
# credits another input with what it says: the original's telling of the same point is the one to
# show and cite first (a tie-break, half a unit)
COPY_PENALTY = 0.5
TERMINAL = re.compile(r"[.!…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Candidate:
    """A sentence of the story that could go into the brief."""

    article: int  # index into the story's articles
    start: int
    end: int
    position: int  # index of the sentence within its article
    words: int
    connective: bool  # opens with "But", "However", ...: leans on the sentence before it
    numbers: frozenset[str] = frozenset()  # the numbers it states (timex.quantity_numbers)
    day: int | None = None  # its article's publication day (ordinal), None when undated
    hearsay: bool = False  # rests on unnamed reports ("..., according to reports."): second-hand


@dataclass(frozen=True)
class StoryText:
    """What the summariser reads: the story's articles, their sentences and one embedding per sentence."""

    articles: Sequence[Article]
    analyses: Sequence[Analysis]
    embeddings: Sequence[Matrix]  # one (sentences x dims) matrix per article
    groups: Mapping[str, int] | None = (
        None  # article id -> independent group (derive.py); None: all apart
    )
    focus_vector: npt.NDArray[np.float32] | None = None  # the embedded BriefOptions.focus
    # (article index, sentence index) -> source key, for sentences that credit an outlet with what
    # they say ("..., the AP reported."; derive.sentence_sources): the facts' own reading
    sources: Mapping[tuple[int, int], str] | None = None
    # indices of the articles that duplicate, rewrite or carry another article of the story
    copies: frozenset[int] = frozenset()

    def group_of(self, index: int) -> int:
        """The independent group of the article at ``index``."""
        return self.groups[self.articles[index].id] if self.groups else index

    def source_of(self, cand: Candidate) -> str:
        """Whose report a candidate sentence is: the outlet it credits, else its article's group."""
        credited = self.sources.get((cand.article, cand.position)) if self.sources else None
        return credited or f"group:{self.group_of(cand.article)}"


_STRAIGHT_QUOTE = re.compile(r'(?<!\d)"')  # not an inch mark: 'The new 65" television'


def _inside_quote(text: str, start: int) -> bool:
    """The sentence at ``start`` goes on a quotation its paragraph opened before it: “We won here.
    Clinton won the primary in 2008. We will win again,” he said. Its middle sentence is the speaker's,
    not the reporter's, though no quote mark stands at its start."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    opened, closed = before.rfind("“"), before.rfind("”")
    if opened >= 0 or closed >= 0:
        # the last mark decides: a quote that runs over paragraphs opens each one and closes once
        return opened > closed
    return len(_STRAIGHT_QUOTE.findall(before)) % 2 == 1


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
    if text.startswith(("“", '"')) or _inside_quote(article.text, start):
        return (
            None  # the brief is in the reporter's voice; what people said is in the quotes section
        )
    if residue_sentence(text):
        # a page's line left inside a paragraph ("Visit ...'s homepage for more stories.")
        return None
    if in_tweet(article.text, start, end):
        return None  # an embedded tweet is its author's words too (tweets.py)
    if words < CREDIT_MAX_WORDS and _credits_an_outlet(text):
        return None  # "Biden's decision was first reported by Politico.": who broke it, not news
    if words <= NO_COMMENT_MAX_WORDS and NO_COMMENT.search(text):
        return None  # "... didn't immediately respond to a request for comment.": no news
    if text.count("(") != text.count(")"):
        return None  # "Texas Sen. Ted Cruz also has 17.)": the rest of a bracket opened before it
    return Candidate(
        index,
        start,
        end,
        position,
        words,
        bool(CONNECTIVE_START.match(text) or LEANS_BACK.search(text)),
        quantity_numbers(text),
        publication_day(article.published),
        bool(HEARSAY.search(text)) and not _NAMED_REPORTS.search(text),
    )


def _credits_an_outlet(text: str) -> bool:
    """The sentence credits a known outlet with the story ("first reported by Politico", "Politico
    was first to report the news")."""
    credit = SCOOP_CREDIT.search(text) or SCOOP_FIRST.match(text)
    return bool(credit and find_outlets(credit["outlet"]))


def candidates(story: StoryText, opts: BriefOptions) -> list[Candidate]:
    """Every sentence of the story that could stand in a brief."""
    found: list[Candidate] = []
    for index, (article, analysis) in enumerate(zip(story.articles, story.analyses, strict=True)):
        for position, (start, end) in enumerate(analysis.sentences):
            cand = _candidate(article, index, start, end, position, opts)
            if cand is not None:
                found.append(cand)
    return found


def _openings(story: StoryText) -> list[Candidate]:
    """Each article's first sentence whatever it is (a two-word item, a quote): the brief of a story
    none of whose sentences could stand in one, so that it is not empty."""
    found = []
    for index, (article, analysis) in enumerate(zip(story.articles, story.analyses, strict=True)):
        if analysis.sentences:
            start, end = analysis.sentences[0]
            dateline = DATELINE.match(article.text, start, end)
            start = dateline.end() if dateline and dateline.end() < end else start
            words = len(article.text[start:end].split())
            if words:
                found.append(
                    Candidate(
                        index,
                        start,
                        end,
                        0,
                        words,
                        False,
                        quantity_numbers(article.text[start:end]),
                        publication_day(article.published),
                    )
                )
    return found


def _vectors(story: StoryText, cands: Sequence[Candidate], indices: Sequence[int]) -> Matrix:
    return rows(story.embeddings, [(cands[i].article, cands[i].position) for i in indices])


def _clash(cands: list[Candidate], i: int, j: int, sim: float, story: StoryText) -> bool:
    """Candidates ``i`` and ``j`` word one thing with other numbers, or date it on other days ("launches
    today" and "launches tomorrow" of one day): two points, not one."""
    if numbers_clash(cands[i].numbers, cands[j].numbers, sim, (cands[i].day, cands[j].day)):
        return True
    return dates_clash(_periods(story, cands[i]), _periods(story, cands[j]))


def _periods(story: StoryText, cand: Candidate) -> tuple[Period, ...]:
    article = story.articles[cand.article]
    return event_periods(article.text[cand.start : cand.end], article.published)


def _confirming(
    sims: npt.NDArray[np.float32], cands: list[Candidate], opts: BriefOptions, story: StoryText
) -> npt.NDArray[np.float32]:
    """``sims`` with the pairs that would confirm each other but clash in their numbers or dates
    at 0."""
    out = sims
    for i, j in np.argwhere(np.triu(sims >= opts.support_min_sim, 1)):
        if cands[i].article != cands[j].article and _clash(cands, i, j, float(sims[i, j]), story):
            if out is sims:
                out = sims.copy()
            out[i, j] = out[j, i] = 0.0
    return out


def _carried(
    cands: list[Candidate], sims: npt.NDArray[np.float32], story: StoryText, opts: BriefOptions
) -> npt.NDArray[np.float64]:
    """For each candidate, how many independent sources other than its own carry the same point
    (like wording with other numbers is another point: ``models.numbers_clash``). A sentence that
    credits an outlet with its point ("..., the AP reported.") is that outlet's report, as in the
    facts: it confirms nothing the outlet's own article says."""
    sims = _confirming(sims, cands, opts, story)
    # an article does not confirm itself, whatever one of its sentences credits: as in the facts
    article = np.array([c.article for c in cands])
    sims = np.where(article[:, None] == article[None, :], np.float32(0.0), sims)
    keys: dict[str, int] = {}
    owner = np.array([keys.setdefault(story.source_of(c), len(keys)) for c in cands])
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


# the ILP weighs the densest 30 sentences per 100 words of budget (at least 30): on DUC 2004
# moved < 0.2 between 25, 30, 40, 50, 80 and 120; 30 embeds a third fewer sentences than 50 and its
# ILPs solve faster (chosen for time, docs/pipeline.md)
ILP_SENTENCES_PER_100_WORDS = 30
RELATED_MIN_SHARED = 2  # weighted concepts a sentence shares with a chosen one to possibly cite it
SUPPORT_WEIGHT = 1.0  # a confirming independent source is worth one concept used by one source
FILL_POOL = 10  # fill candidates, tried (and embedded) in turn until one repeats nothing
# a fill sentence whenever a word is left: a scorer that cuts at exactly N words wastes none (the
# best published DUC 2004 systems' summaries all run past 100 words and are cut; ours stopped at 5
# words left: 21 of 50 DUC briefs were 96-99 words long)
FILL_MIN_WORDS = 1
FOCUS_MIN_SIM = 0.25  # a sentence about the focus is at least this close to it (MiniLM cosine)
FOCUS_SHARE = 0.6  # ... and at least this share of the closest sentence's cosine
HEADLINE_MIN_WORDS = 4  # fewer words before a quotation opens make no headline
HEADLINE_WORDS = 18  # a headline cut from a sentence with no clause break is at most this long


def _select_concepts(
    cands: list[Candidate],
    sets: list[set[Concept]],
    weights: Weights,
    usable: list[int],
    sims: npt.NDArray[np.float32],
    support: npt.NDArray[np.float64],
    opts: BriefOptions,
    others: int = 0,
    second_hand: frozenset[int] = frozenset(),
    story_texts: Sequence[str] = (),
) -> list[int] | None:
    """The concept ILP (concepts.py) over the ``usable`` sentences: a confirming source is worth one
    concept unit (issue 3's confirmation), second-hand wording costs (hearsay, a copy's sentences:
    ``copies``, article indices), a tiny bonus for earlier sentences breaks ties the way news
    is written, and two sentences saying the same thing in other words exclude each other. ``others``:
    how many independent sources there are besides any one (for the anchor)."""
    similar = sims[np.ix_(usable, usable)] >= opts.redundancy_max_sim
    quoted = [_quoted_words(story_texts[i]) for i in usable] if story_texts else []
    for a, b in itertools.combinations(range(len(usable)), 2):
        if quoted and cands[usable[a]].article != cands[usable[b]].article:
            similar[a, b] |= _share_a_quote(quoted[a], quoted[b])
    exclusive = [(int(a), int(b)) for a, b in zip(*np.nonzero(np.triu(similar, 1)), strict=True)]
    bonus = np.array(
        [
            SUPPORT_WEIGHT * support[i]
            + 1e-3 / (1.0 + cands[i].position)
            - (HEARSAY_PENALTY if cands[i].hearsay else 0.0)
            - (COPY_PENALTY if i in second_hand else 0.0)
            for i in usable
        ]
    )
    problem = Problem(
        usable,
        sets,
        weights,
        [c.words for c in cands],
        bonus,
        exclusive,
        opts.words,
        opts.sentences,
        _anchor(cands, usable, support, sims, opts, others, second_hand),
    )
    return solve(problem)


# a quotation in curly marks, or in straight ones that open after a space or a bracket and close
# after a word: a straight mark after "all," closes a quotation the sentence continues
_QUOTED = re.compile(r"“([^“”]+)”|(?:^|(?<=[\s(]))\"(?=\S)([^\"]+?)(?<=\S)\"")
SHARED_QUOTE_WORDS = 5  # two outlets' sentences carrying five words of one quotation tell one thing


def _quoted_words(text: str) -> list[tuple[str, ...]]:
    """The words of each quotation in a sentence, lowercased, punctuation left out."""
    return [
        tuple(re.findall(r"[\w’'-]+", (curly or straight).lower()))
        for curly, straight in _QUOTED.findall(text)
    ]


def _share_a_quote(first: list[tuple[str, ...]], second: list[tuple[str, ...]]) -> bool:
    """The two sentences quote one run of SHARED_QUOTE_WORDS words or more: "the firm showed “a
    shocking disregard for the safety of passengers”" and another outlet's "... had shown “a
    shocking disregard for the safety of its passengers”" are one point, however unlike MiniLM
    finds the rest of their words (0.64)."""
    runs = {
        q[k : k + SHARED_QUOTE_WORDS] for q in first for k in range(len(q) - SHARED_QUOTE_WORDS + 1)
    }
    return any(
        q[k : k + SHARED_QUOTE_WORDS] in runs
        for q in second
        for k in range(len(q) - SHARED_QUOTE_WORDS + 1)
    )


def _without_relays(
    story: StoryText,
    cands: Sequence[Candidate],
    usable: list[int],
    sims: npt.NDArray[np.float32],
    opts: BriefOptions,
) -> list[int]:
    """``usable`` without the sentences that credit another input with a point its own article
    tells among them ("..., the Associated Press reported." beside the AP's sentence of it): the
    original is the one to show, whatever a relay gains in brevity or in what seems to confirm it
    (another outlet's "at least 15 dead" is alike enough to the relay's "at least 12" and not to
    the AP's longer sentence)."""
    own = {i: f"group:{story.group_of(cands[i].article)}" for i in usable}
    relays = {i: key for i in usable if (key := _credited(story, cands[i]))}
    return [
        i
        for i in usable
        if i not in relays
        or not any(
            own[j] == relays[i]
            and sims[i, j] >= opts.support_min_sim
            # a relay with a number the original lacks ("at least 15 died, the AP reported" after
            # the AP's "at least 12") may be an update: it stays
            and cands[i].numbers <= cands[j].numbers
            for j in usable
            if j != i and j not in relays
        )
    ]


def _second_hand(story: StoryText, cands: Sequence[Candidate]) -> frozenset[int]:
    """The candidates (indices) that tell another input's report: every sentence of an article
    that copies, rewrites or carries another (``story.copies``), and a sentence crediting an outlet
    that is among the inputs ("..., the Associated Press reported." beside the AP's own story). Of
    two tellings of one point, the original's is shown."""
    return frozenset(
        i
        for i, c in enumerate(cands)
        if c.article in story.copies or (_credited(story, c) or "").startswith("group:")
    )


def _credited(story: StoryText, cand: Candidate) -> str | None:
    """The source a sentence credits with its point when that is not its own article's group
    ("..., the AP reported."): "group:N" for another input, "outlet:Name" for one not among them."""
    source = story.source_of(cand)
    return source if source != f"group:{story.group_of(cand.article)}" else None


def _anchor(
    cands: list[Candidate],
    usable: list[int],
    support: npt.NDArray[np.float64],
    sims: npt.NDArray[np.float32],
    opts: BriefOptions,
    others: int,
    second_hand: frozenset[int] = frozenset(),
) -> tuple[int, ...]:
    """The positions in ``usable`` of the facts the most sources share, when at least half of the
    other sources confirm them, that fit the budget: every brief holds one of them. A short brief
    packing many concepts had left the story's best-attested fact out (Kharkiv's three reports of
    Biden's permission at 60 words). Holding the one most confirmed instead cost DUC 2004 0.1 R-1 at
    100 words; holding any confirmed sentence, 0.8 at 50."""
    fits = [
        a for a, i in enumerate(usable) if cands[i].words <= opts.words and not cands[i].connective
    ]
    most = max((support[usable[a]] for a in fits), default=0.0)
    if most < max(1.0, others / 2):
        return ()
    anchors = [a for a in fits if support[usable[a]] == most]

    def told(first_hand: Callable[[int], bool]) -> list[int]:
        """The anchors that are ``first_hand``, else such sentences alike (confirmed by a source
        fewer: the second-hand sentence's own)."""
        return [a for a in anchors if first_hand(a)] or [
            a
            for a in fits
            if first_hand(a)
            and any(sims[usable[a], usable[h]] >= opts.support_min_sim for h in anchors)
        ]

    # "..., according to reports." anchors the brief only when no first-hand sentence tells the
    # fact; "..., the Associated Press reported." only when the AP's own story does not
    return tuple(
        told(lambda a: not cands[usable[a]].hearsay and usable[a] not in second_hand)
        or told(lambda a: not cands[usable[a]].hearsay)
        or anchors
    )


def _fill_pool(
    chosen: list[int],
    cands: list[Candidate],
    sets: list[set[Concept]],
    weights: Weights,
    opts: BriefOptions,
) -> list[int]:
    """With words left, the sentences whose first words add the most concept weight, best first."""
    left = opts.words - sum(cands[i].words for i in chosen)
    if left < FILL_MIN_WORDS:
        return []
    gains = gains_past(chosen, sets, weights, [c.words for c in cands], left)
    best = sorted((j for j in gains if not cands[j].connective), key=lambda j: -gains[j])
    return [j for j in best[:FILL_POOL] if gains[j] > 0]


def _fill(
    chosen: list[int],
    pool: list[int],
    story: StoryText,
    cands: list[Candidate],
    opts: BriefOptions,
) -> int | None:
    """The best sentence of the pool that repeats no chosen one: it runs past the budget and is shown
    last, for readers (and scorers) that cut a brief at exactly N words. Pool sentences are embedded
    one at a time, as they are tried: the first usually does."""
    taken = _vectors(story, cands, chosen)
    for j in pool:
        vector = _vectors(story, cands, [j])[0]
        if not chosen or float((taken @ vector).max()) < opts.redundancy_max_sim:
            return j
    return None


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
        if opts.sentences and len(chosen) >= opts.sentences:
            break
        if used + cands[idx].words > opts.words or cands[idx].connective:
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
        if _clash(cands, idx, j, float(sims[idx, j]), story):
            continue  # "Clinton has 503 delegates" is not cited by "Clinton has 1,163 delegates"
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
    articles that carry each point; among equals (two leads), the one more sources carry, then the
    article's date."""

    def key(idx: int) -> tuple[float, int, str, int]:
        carriers = [
            j for j in range(len(cands)) if j == idx or sims[idx, j] >= opts.support_min_sim
        ]
        rel = min(
            cands[j].position / max(len(story.analyses[cands[j].article].sentences), 1)
            for j in carriers
        )
        groups = len({story.source_of(cands[j]) for j in carriers})
        published = story.articles[cands[idx].article].published or "9999"
        return (rel, -groups, published, cands[idx].position)

    return sorted(chosen, key=key)


def _similarities(
    story: StoryText, cands: list[Candidate], indices: Sequence[int]
) -> npt.NDArray[np.float32]:
    """Cosines between the candidates named (others left at 0: never similar)."""
    sims = np.zeros((len(cands), len(cands)), dtype=np.float32)
    chosen = sorted(set(indices))
    vectors = _vectors(story, cands, chosen)
    sims[np.ix_(chosen, chosen)] = vectors @ vectors.T
    return sims


def _focused(
    story: StoryText, cands: list[Candidate], opts: BriefOptions
) -> tuple[list[Candidate], npt.NDArray[np.float32] | None]:
    """With a focus, only the sentences about it: cosine to the focus at least FOCUS_MIN_SIM and at
    least FOCUS_SHARE of the best sentence's."""
    if not opts.focus or story.focus_vector is None or not cands:
        return cands, None
    relevance = _vectors(story, cands, range(len(cands))) @ story.focus_vector
    floor = max(FOCUS_MIN_SIM, FOCUS_SHARE * float(relevance.max()))
    keep = [i for i in range(len(cands)) if relevance[i] >= floor]
    return [cands[i] for i in keep], relevance[keep]


def _importance(
    picked: list[int],
    sets: list[set[Concept]],
    weights: Weights,
    carried: npt.NDArray[np.float64],
) -> dict[int, tuple[float, float]]:
    """How important each picked sentence is: first how many other sources confirm it, then the
    weight of the concepts it holds per word (a long sentence is not more important for its length)."""
    return {
        i: (float(carried[i]), sum(weights.get(c, 0) for c in sets[i]) / max(len(sets[i]), 1))
        for i in picked
    }


def _chronological(chosen: list[int], cands: list[Candidate], story: StoryText) -> list[int]:
    """Order by the day each sentence dates (temporal.py, against its article's date), else the
    article's date; undated sentences keep their place after the dated ones."""
    from datetime import date

    from parallax.temporal import tag

    def when(idx: int) -> str:
        cand = cands[idx]
        article = story.articles[cand.article]
        published = (article.published or "")[:10]
        try:
            anchor = date.fromisoformat(published)
        except ValueError:
            return "9999"
        for timex in tag(article.text[cand.start : cand.end], anchor):
            if timex.type != "DATE":
                continue
            if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", timex.value):
                return timex.value
            week = re.fullmatch(r"(\d{4})-W(\d{2})", timex.value)
            if week:  # "two weeks ago": the week's Monday ("this week" is the article's day)
                monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
                if (anchor - monday).days >= 7:
                    return monday.isoformat()
        return published

    return sorted(chosen, key=when)


_CLAUSE_BREAK = re.compile(
    r",\s|\s[—–-]\s|;\s|:\s|\s(?:but|said|says|according to|after|as|when|while)\s"
)
# A lead that opens with a clause or phrase of its own ("With Hong Kong protests exploding to new
# levels, China deployed troops"): its headline starts after that opener's comma when a capitalised
# subject follows, and otherwise runs past it; the opener alone said nothing.
_OPENER = re.compile(
    r"^(?:As|With|Without|After|Before|While|When|Whenever|Where|Despite|Although|Though|Because|If|"
    r"Since|Following|Amid|Amidst|In|On|At|For|Until|Once|Over|During|Throughout|Unlike|Like|Under|"
    r"By|From|Having|Speaking|Asked|Ahead|Even|Just|Only|Now|Earlier|Later|Last|This|Hours|Days|"
    r"Weeks|Months|Years|Minutes|Moments|Nearly|Almost|More than|Less than|According to)\b"
)
# the break closes what was put after the subject, not a clause: an apposition ("Kurt Volker, the
# former special envoy to Ukraine,"; "Two hostages — an American and an Australian —") or an aside
# ("A 43-year-old man, after having switched to feather bedding,")
_INSERTION = re.compile(
    r"^[^,—–]{1,80}(?:,|\s[—–])\s(?:the|a|an|who|whose|which|after|before|while|when|once|now|then|"
    r"formerly|both|one|two|three|its|his|her|their)\b[^,—–]*$"
)


# what limits the claim before it: "lifted restrictions on Ukraine ..., but only to defend the
# Kharkiv region" is not "lifted restrictions on Ukraine ..."
_RESTRICTION = re.compile(
    r"(?:but\s+)?(?:only|except|unless|not|as long as|so long as|provided|on condition)\b", re.I
)
RESTRICTED_HEADLINE_WORDS = 30  # a headline may run this long to keep its restriction


def _headline_breaks(text: str) -> Iterator[tuple[int, bool]]:
    """Where the lead may be cut for its headline, and whether what follows restricts the claim
    before it (then it is no place to cut): clause breaks that do not end an insertion after its
    subject, fall inside brackets, or end the speaker of a "said" (the headline is what was said,
    with whoever said it)."""
    for brk in _CLAUSE_BREAK.finditer(text):
        before = text[: brk.start()]
        if before.count("(") > before.count(")") or _INSERTION.match(before):
            continue
        if brk.group(0).strip() in ("said", "says") and "," not in before:
            continue
        after = text[brk.end() :] if brk.group(0).strip() != "but" else text[brk.start() + 1 :]
        yield brk.start(), bool(_RESTRICTION.match(after))


def _headline(
    chosen: list[int],
    cands: list[Candidate],
    story: StoryText,
    carried: npt.NDArray[np.float64],
) -> BriefSentence | None:
    """The opening words of the brief's lead point (its first sentence in the sources' order: told
    earliest, and among leads the most confirmed), up to its first clause break after six words, else
    its first HEADLINE_WORDS words less trailing function words: a verbatim part of the lead, cited
    like any sentence of the brief. An opener ("As the year comes to an end, ...") is left out when a
    capitalised subject follows it, and never ends the headline; nor does an insertion after the
    subject ("Kurt Volker, the former special envoy to Ukraine, ...") or a speaker before "said"."""
    if not chosen:
        return None
    top = chosen[0]
    cand = cands[top]
    article = story.articles[cand.article]
    start = cand.start
    text = article.text[start : cand.end]
    opener = _OPENER.match(text)
    first_comma = text.find(", ")
    past_opener = 0
    if opener and first_comma > 0 and len(text[:first_comma].split()) <= HEADLINE_WORDS:
        past_opener = first_comma + 2
        rest = text[past_opener:]
        if rest[:1].isupper() and len(rest.split()) >= 6:
            start, text, past_opener = start + past_opener, rest, 0
    cut = len(text.rstrip(".!?…\"'”’ "))
    words = [m.start() for m in re.finditer(r"\S+", text)]
    limit = HEADLINE_WORDS
    for brk, restricts in _headline_breaks(text):
        n_words = sum(1 for w in words if w < brk)
        if restricts and brk > past_opener and n_words >= 6:
            limit = RESTRICTED_HEADLINE_WORDS  # the restriction stays with the claim
            continue
        if brk > past_opener and 6 <= n_words <= limit:
            cut = brk
            break
    else:
        if len(words) > limit:
            cut = words[limit] - 1
            stop = stopwords()
            while cut > 0 and text[:cut].split()[-1].lower() in stop:
                cut = len(text[:cut].rsplit(None, 1)[0])
    line = text[:cut].rstrip(" ,;:—–-")
    if line.count("(") > line.count(")"):
        line = line[: line.rfind("(")].rstrip(" ,;:—–-")  # "... on Mason Rudolph (well, 12 if"
    if line.rfind("“") > line.rfind("”"):
        # cut inside a quotation ("... if Donald Trump is president “we"): end before it opens,
        # or have no headline when too little would be left ('A “deeply troubling pattern ...')
        line = line[: line.rfind("“")].rstrip(" ,;:—–-")
        if len(line.split()) < HEADLINE_MIN_WORDS:
            return None
    if not line:
        return None
    return BriefSentence(line, (Span(article.id, start, start + len(line)),), int(carried[top]) + 1)


def _lead(cands: list[Candidate], text: str, opts: BriefOptions) -> tuple[list[int], int | None]:
    """An article's own brief: its sentences in order, as many as the budget holds (the inverted
    pyramid tells the news first; a lead longer than the budget stands alone, whole), skipping those
    that lean on the one before ("But ...") and those that repeat one taken (a paragraph printed
    twice); and, with ``opts.fill``, the next sentence after the last one taken, to run past the
    budget."""
    order = sorted(
        (i for i in range(len(cands)) if not cands[i].connective), key=lambda i: cands[i].position
    ) or [min(range(len(cands)), key=lambda i: cands[i].position)]
    if cands[order[0]].words > opts.words:
        return [order[0]], None

    def key(idx: int) -> str:
        return " ".join(text[cands[idx].start : cands[idx].end].lower().split())

    chosen: list[int] = []
    seen: set[str] = set()
    used = 0
    for idx in order:
        if opts.sentences and len(chosen) >= opts.sentences:
            break
        if key(idx) in seen or used + cands[idx].words > opts.words:
            continue  # a later, shorter one may still fit
        chosen.append(idx)
        seen.add(key(idx))
        used += cands[idx].words
    after = [
        i
        for i in order
        if cands[i].position > cands[chosen[-1]].position and i not in chosen and key(i) not in seen
    ]
    fill = opts.fill and bool(after) and opts.words - used >= FILL_MIN_WORDS
    return chosen, after[0] if fill else None


def _brief_of_one(story: StoryText, cands: list[Candidate], opts: BriefOptions) -> Brief:
    """The brief of a story of one article: its lead (``_lead``), in its order for ``order="source"``
    and ``"importance"`` alike (the inverted pyramid puts the most important first). Nothing to weigh
    across sources, so nothing is embedded: in a feed most stories have one article, and their
    sentences are half of what the analysis would otherwise embed."""
    picked, extra = _lead(cands, story.articles[0].text, opts)
    chosen = _chronological(picked, cands, story) if opts.order == "chronological" else picked
    if extra is not None and not (opts.sentences and len(chosen) >= opts.sentences):
        chosen = [*chosen, extra]
    # one source: no sentence is like another's, none is carried by another source
    unlike = np.zeros((len(cands), len(cands)), dtype=np.float32)
    return _brief(chosen, picked, cands, story, unlike, np.zeros(len(cands)), opts)


def summarise(story: StoryText, opts: BriefOptions | None = None) -> Brief:
    """The story's brief within ``opts.words`` words (only a single overlong sentence may exceed it,
    or, with ``opts.fill``, one last sentence)."""
    opts = opts or BriefOptions()
    cands, _ = _focused(story, candidates(story, opts) or _openings(story), opts)
    if not cands:
        return Brief(words=0, sentences=(), order=opts.order, focus=opts.focus)
    if len(story.articles) == 1 and not opts.focus:
        return _brief_of_one(story, cands, opts)
    texts = [story.articles[c.article].text[c.start : c.end] for c in cands]
    sets = [concepts_of(text) for text in texts]
    n_groups = len({story.group_of(i) for i in range(len(story.articles))})
    weights = concept_weights(
        sets,
        [story.group_of(c.article) for c in cands],
        n_groups,
        [c.position < LEAD_SENTENCES for c in cands],
    )
    lazy = isinstance(story.embeddings, SentenceVectors)
    picked: list[int] | None = None
    if weights:
        limit = max(ILP_SENTENCES_PER_100_WORDS, ILP_SENTENCES_PER_100_WORDS * opts.words // 100)
        # a sentence opening with "But" or "However" leans on one the brief may not show
        lengths = [opts.words + 1 if c.connective else c.words for c in cands]
        usable = densest(sets, weights, lengths, opts.words, limit)
        sims = _similarities(story, cands, usable)
        usable = _without_relays(story, cands, usable, sims, opts)
        support = _carried(cands, sims, story, opts)  # among the weighed sentences
        picked = _select_concepts(
            cands,
            sets,
            weights,
            usable,
            sims,
            support,
            opts,
            n_groups - 1,
            _second_hand(story, cands),
            texts,
        )
    if picked:
        pool = _fill_pool(picked, cands, sets, weights, opts) if opts.fill else []
        owners = [c.article for c in cands]
        near = related(picked, sets, weights, RELATED_MIN_SHARED, owners)
        needed = [*usable, *near] if lazy else list(range(len(cands)))
        sims = _similarities(story, cands, needed)
        carried = _carried(cands, sims, story, opts)
        importance = _importance(picked, sets, weights, carried)
    else:  # one source, or nothing recurs: score every sentence
        score, sims, carried = _scores(
            cands, _vectors(story, cands, range(len(cands))), story, opts
        )
        picked, pool = _select(cands, score, sims, opts), []
        importance = {i: (float(carried[i]), float(score[i])) for i in picked}
    told = _reading_order(picked, cands, story, sims, opts)
    if opts.order == "importance":
        chosen = sorted(picked, key=lambda i: importance[i], reverse=True)
    elif opts.order == "chronological":
        chosen = _chronological(told, cands, story)
    else:
        chosen = list(told)
    if pool and not (opts.sentences and len(chosen) >= opts.sentences):
        extra = _fill(chosen, pool, story, cands, opts)
        if extra is not None:
            chosen.append(extra)
            if lazy:  # its citations and confirmations
                sims = _similarities(story, cands, [*needed, extra])
                carried = _carried(cands, sims, story, opts)
    return _brief(chosen, told, cands, story, sims, carried, opts)


def _brief(
    chosen: Sequence[int],
    told: Sequence[int],
    cands: list[Candidate],
    story: StoryText,
    sims: npt.NDArray[np.float32],
    carried: npt.NDArray[np.float64],
    opts: BriefOptions,
) -> Brief:
    """The brief of the ``chosen`` candidates, in that order, each citing its span and the spans of
    other articles that say the same (``sims``), under a headline cut from the first of ``told``."""
    sentences = []
    for idx in chosen:
        cand = cands[idx]
        text = story.articles[cand.article].text[cand.start : cand.end]
        citations = _citations(idx, cands, sims, story, opts)
        sentences.append(BriefSentence(text, citations, int(carried[idx]) + 1))
    headline = _headline(list(told), cands, story, carried) if opts.headline else None
    return Brief(
        words=sum(len(s.text.split()) for s in sentences),
        sentences=tuple(sentences),
        headline=headline,
        order=opts.order,
        focus=opts.focus,
    )
