"""The one module that composes the stages: read -> clean -> analyse -> cluster -> date -> summarise.

::

    pipe = Pipeline()
    articles, problems = pipe.read(["articles/"])
    report = pipe.brief(articles, problems)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from parallax import __version__, outlets
from parallax.align import align_facts
from parallax.clean import clean_document
from parallax.cluster import (
    STORY_ENTITY_LABELS,
    cluster_articles,
    headline,
    lead_vectors,
    name_similarity,
    nameless_similarity,
    story_similarity,
    time_proximity,
)
from parallax.config import BriefOptions, ClusterOptions, IngestOptions
from parallax.derive import (
    copies_of_others,
    find_derivations,
    independent_groups,
    sentence_sources,
)
from parallax.discrepancy import date_discrepancies, find_discrepancies, name_discrepancies
from parallax.errors import InputError
from parallax.ingest import read_inputs
from parallax.models import (
    Analysis,
    Article,
    Derivation,
    Discrepancy,
    Fact,
    Problem,
    Quote,
    Report,
    Story,
    TimelineEvent,
    story_id,
)
from parallax.nlp import NLP, Embedder, get_brief_embedder, get_embedder, get_nlp
from parallax.quotes import find_quotes
from parallax.summarise import Matrix, StoryText, summarise
from parallax.timeline import find_events, infer_publication_dates
from parallax.vectors import SentenceVectors

LOGGER = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _quiet(stage: str, done: int, total: int) -> None:
    """The default progress callback: says nothing."""


@dataclass(frozen=True)
class PipelineOptions:
    ingest: IngestOptions = field(default_factory=IngestOptions)
    brief: BriefOptions = field(default_factory=BriefOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    single_story: bool = False  # brief everything as one story instead of clustering
    analysis: bool = (
        True  # derivations and facts; off for a brief alone (faster, no entities needed)
    )


class Pipeline:
    """Holds the loaded models; each method is one step a caller may want on its own."""

    def __init__(
        self,
        opts: PipelineOptions | None = None,
        nlp: NLP | None = None,
        embedder: Embedder | None = None,
        progress: Progress | None = None,
        brief_embedder: Embedder | None = None,
    ) -> None:
        self.opts = opts or PipelineOptions()
        self._nlp = nlp
        self._embedder = embedder
        # a caller's own embedder serves the brief too, unless a brief embedder is given as well
        self._brief_embedder = brief_embedder or embedder
        self.progress = progress or _quiet

    @property
    def nlp(self) -> NLP:
        if self._nlp is None:
            self._nlp = get_nlp()
        return self._nlp

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder()
        return self._embedder

    @property
    def brief_embedder(self) -> Embedder:
        """The model a brief alone (no analysis) weighs its sentences with (nlp.get_brief_embedder)."""
        if self._brief_embedder is None:
            self._brief_embedder = get_brief_embedder()
        return self._brief_embedder

    def read(self, paths: Iterable[str]) -> tuple[list[Article], list[Problem]]:
        """Read and clean every input; a duplicate of an article already read is dropped."""
        articles: dict[str, Article] = {}
        problems: list[Problem] = []
        for item in read_inputs(paths, self.opts.ingest):
            if isinstance(item, Problem):
                LOGGER.error("%s", item)
                problems.append(item)
                continue
            try:
                article = clean_document(item, self.opts.ingest)
            except InputError as exc:
                LOGGER.error("%s", exc)
                problems.append(Problem(exc.source, exc.message))
                continue
            if article.id in articles:
                LOGGER.info(
                    "%s: same article as %s; read once", article.source, articles[article.id].source
                )
                continue
            articles[article.id] = article
            self.progress("read", len(articles), 0)
        return list(articles.values()), problems

    def embed_stories(
        self,
        embeddings: SentenceVectors,
        analyses: Sequence[Analysis],
        groups: Sequence[Sequence[int]],
    ) -> None:
        """Embed, in one batch, every sentence of the stories of more than one article."""
        keys = [
            (i, p)
            for group in groups
            if len(group) > 1
            for i in group
            for p in range(len(analyses[i].sentences))
        ]
        if keys:  # a feed of one-article stories has nothing to embed here, and shows no bar
            self.progress("embed", 0, len(keys))
            embeddings.rows(keys)
            self.progress("embed", len(keys), len(keys))

    def embed(self, articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[Matrix]:
        """One embedding matrix (sentences x dims) per article, encoded in one batch."""
        texts = [
            a.text[s:e] for a, an in zip(articles, analyses, strict=True) for s, e in an.sentences
        ]
        self.progress("embed", 0, len(texts))
        vectors = self.embedder.encode(texts)
        self.progress("embed", len(texts), len(texts))
        out: list[Matrix] = []
        row = 0
        for analysis in analyses:
            out.append(vectors[row : row + len(analysis.sentences)])
            row += len(analysis.sentences)
        return out

    def stories(
        self,
        articles: Sequence[Article],
        analyses: Sequence[Analysis],
        embeddings: Sequence[Matrix],
    ) -> list[list[int]]:
        """The articles grouped into stories (indices). Names can only raise the similarity of two
        articles, so when every pair is one story without them (the usual folder of one story), the
        names are not looked for; otherwise ``analyses`` without entities get them first."""
        if self.opts.single_story or len(articles) <= 1:
            return [list(range(len(articles)))] if articles else []
        texts = [a.text for a in articles]
        proximity = time_proximity([a.published for a in articles])
        lower = nameless_similarity(texts, lead_vectors(analyses, embeddings)) * proximity
        if float(lower.min()) >= self.opts.cluster.same_story_min_sim:
            return [list(range(len(articles)))]
        if not any(an.entities for an in analyses):
            analyses = self.nlp.analyse(articles, entities=True)
        names = name_similarity(_names(articles, analyses)) / 3 * proximity
        return cluster_articles(lower + names, self.opts.cluster)

    def signals(self, articles: Sequence[Article]) -> list[Signals]:
        """What grouping needs of each article: its lead vector and its story entities."""
        analyses = self.nlp.analyse(articles, entities=True)
        return _signals(articles, analyses, SentenceVectors(articles, analyses, self.embedder))

    def group_signals(
        self, articles: Sequence[Article], signals: Sequence[Signals]
    ) -> list[list[int]]:
        """Stories (indices) from articles and their signals (cluster.story_similarity)."""
        similarity = story_similarity(
            [a.text for a in articles],
            [e for _, e in signals],
            [lead for lead, _ in signals],
            [a.published for a in articles],
        )
        return cluster_articles(similarity, self.opts.cluster)

    def group(self, articles: Sequence[Article]) -> list[list[int]]:
        """The articles grouped into stories (indices), without briefing them."""
        analyses = self.nlp.analyse(articles, entities=True)
        return self.stories(articles, analyses, SentenceVectors(articles, analyses, self.embedder))

    def story(
        self,
        members: Sequence[Article],
        analyses: Sequence[Analysis],
        embeddings: Sequence[Matrix],
        model: Embedder | None = None,
    ) -> Story:
        """One story: its cross-source analysis (unless turned off) and its brief. ``model`` made
        ``embeddings`` (default: ``embedder`` with the analysis, else ``brief_embedder``); the focus
        is embedded with it too."""
        model = model or (self.embedder if self.opts.analysis else self.brief_embedder)
        derivations: list[Derivation] = []
        facts: list[Fact] = []
        quotes: list[Quote] = []
        discrepancies: list[Discrepancy] = []
        timeline: list[TimelineEvent] = []
        groups = {a.id: n for n, a in enumerate(members)}
        keys: dict[tuple[int, int], str] | None = None  # sentences crediting an outlet
        copies: frozenset[int] = frozenset()  # articles copying another article of the story
        if self.opts.analysis:
            derivations = find_derivations(members, analyses, embeddings)
            groups = independent_groups(members, derivations)
            keys = sentence_sources(members, analyses, derivations, groups)
            copies = copies_of_others(members, derivations)
            facts = align_facts(members, analyses, embeddings, groups, keys)
            quotes = find_quotes(members, analyses)
            discrepancies = [
                *find_discrepancies(members, analyses, embeddings),
                *date_discrepancies(members, facts),
                *name_discrepancies(members, analyses),
            ]
            timeline = find_events(members, analyses, embeddings, groups)
        focus = self.opts.brief.focus
        text = StoryText(
            members,
            analyses,
            embeddings,
            groups,
            model.encode([focus])[0] if focus else None,
            keys,
            copies,
        )
        brief = summarise(text, self.opts.brief)
        ids = tuple(a.id for a in members)
        return Story(
            story_id(ids),
            ids,
            brief,
            story_title(text),
            tuple(derivations),
            tuple(facts),
            tuple(quotes),
            tuple(discrepancies),
            _group_lists(members, groups),
            tuple(timeline),
        )

    def brief(
        self,
        articles: Sequence[Article],
        problems: Sequence[Problem] = (),
        groups: Sequence[Sequence[int]] | None = None,
    ) -> Report:
        """Cluster the articles into stories and brief each one; ``groups`` (indices into
        ``articles``) are stories already known, a store's, which are briefed as they are."""
        self.progress("analyse", 0, len(articles))
        analyses = self.nlp.analyse(articles, entities=self.opts.analysis)
        self.progress("analyse", len(articles), len(articles))
        # sentences are embedded when a stage first asks for them (vectors.py): grouping's leads,
        # then, for the analysis, every sentence of each story of several articles in one batch (it
        # compares every sentence with every other). A story of one article is briefed by its lead
        # and compares nothing, so it needs no more: in a feed, most stories. A brief alone embeds
        # only the sentences it weighs, with the faster brief model when nothing is to be grouped;
        # otherwise grouping's lead vectors (analysis model) already hold many of them, and a second
        # model would embed those again for little gain
        grouped = groups is None and not self.opts.single_story and len(articles) > 1
        model = self.embedder if self.opts.analysis or grouped else self.brief_embedder
        embeddings = SentenceVectors(articles, analyses, model)
        if groups is None:
            groups = self.stories(articles, analyses, embeddings)
        else:
            groups = [list(group) for group in groups]
        if self.opts.analysis:
            self.embed_stories(embeddings, analyses, groups)
        dated: dict[str, Article] = {}
        stories: list[Story] = []
        for group in groups:
            members = infer_publication_dates([articles[i] for i in group])
            dated.update((a.id, a) for a in members)
            vectors: Sequence[Matrix] = embeddings.subset(group)
            if self.opts.analysis and (len(group) > 1 or self.opts.brief.focus):
                # all of the story's sentences are embedded (or needed, for the focus): the brief
                # compares every one, for its citations and reading order, as it always has
                vectors = list(vectors)
            stories.append(self.story(members, [analyses[i] for i in group], vectors, model))
            self.progress("brief", len(stories), 0)
        stories.sort(key=lambda s: -len(s.article_ids))
        return Report(
            parallax_version=__version__,
            articles=tuple(dated.get(a.id, a) for a in articles),
            stories=tuple(stories),
            problems=tuple(problems),
        )


Signals = tuple[npt.NDArray[np.float32], list[str]]  # an article's lead vector and story entities


def _signals(
    articles: Sequence[Article], analyses: Sequence[Analysis], embeddings: Sequence[Matrix]
) -> list[Signals]:
    return list(zip(lead_vectors(analyses, embeddings), _names(articles, analyses), strict=True))


def _names(articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[list[str]]:
    """Each article's story entities, less the outlet naming itself ("GiveWell" in The GiveWell
    Blog's posts, "CNN" in "told CNN"): that says who published, not which story it is. Two posts
    of one blog shared only its name and were grouped as one story."""
    return [
        [
            e.text
            for e in an.entities
            if e.label in STORY_ENTITY_LABELS and not outlets.names_outlet(e.text, article.outlet)
        ]
        for article, an in zip(articles, analyses, strict=True)
    ]


def _group_lists(members: Sequence[Article], groups: dict[str, int]) -> tuple[tuple[str, ...], ...]:
    by_group: dict[int, list[str]] = {}
    for article in members:
        by_group.setdefault(groups[article.id], []).append(article.id)
    return tuple(tuple(ids) for ids in by_group.values())


def brief_paths(paths: Iterable[str], opts: PipelineOptions | None = None) -> Report:
    """Read, clean and brief the inputs in one call (what ``parallax brief PATHS`` does)."""
    pipe = Pipeline(opts)
    articles, problems = pipe.read(paths)
    return pipe.brief(articles, problems)


def story_title(story: StoryText) -> str | None:
    """The story's headline (cluster.headline) from its articles' lead vectors; with nothing embedded
    for it, None when no article has a title and the one title when only one has (a brief alone
    embeds only what it asks for). Here, where the stages meet: the brief does not import the
    grouping stage."""
    titles = [a.title for a in story.articles]
    titled = [t for t in titles if t]
    if len(titled) <= 1:  # nothing to choose between: no vector needed
        return titled[0] if titled else None
    return headline(titles, lead_vectors(story.analyses, story.embeddings))
