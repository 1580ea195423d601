"""Articles -> stories, for one batch of files (issue 6 makes it online and incremental).

Two articles are alike as coverage of one story by the mean of three cosines: their words (TF-IDF),
their named entities (TF-IDF) and the meaning of their leads (MiniLM), discounted when their
publication dates are more than three days apart. Articles are grouped by
average-linkage agglomerative clustering (scipy) of that similarity, cut at
``ClusterOptions.same_story_min_sim``. Deterministic: the same input gives the same groups, listed by the
position of their first article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from parallax.config import ClusterOptions
from parallax.models import Analysis, publication_day
from parallax.vectors import rows

LEAD_SENTENCES = 6  # the lead and its elaboration; later paragraphs drift into background


def lead_vector(sentence_vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """An article's story vector: the normalised mean of its first sentences' embeddings."""
    if len(sentence_vectors) == 0:
        return np.zeros(
            sentence_vectors.shape[1] if sentence_vectors.ndim == 2 else 384, dtype=np.float32
        )
    mean = sentence_vectors[:LEAD_SENTENCES].mean(axis=0)
    return np.asarray(mean / max(float(np.linalg.norm(mean)), 1e-9), dtype=np.float32)


def lead_vectors(
    analyses: Sequence[Analysis], embeddings: Sequence[npt.NDArray[np.float32]]
) -> list[npt.NDArray[np.float32]]:
    """Each article's ``lead_vector``, its first LEAD_SENTENCES sentences fetched in one request (one
    batch of work for the embedder when ``embeddings`` is lazy, vectors.SentenceVectors)."""
    counts = [min(LEAD_SENTENCES, len(an.sentences)) for an in analyses]
    vectors = rows(embeddings, [(i, p) for i, n in enumerate(counts) for p in range(n)])
    ends = np.cumsum(counts)
    return [lead_vector(vectors[end - n : end]) for n, end in zip(counts, ends, strict=True)]


def headline(titles: Sequence[str | None], leads: Sequence[npt.NDArray[np.float32]]) -> str | None:
    """A story's headline: the title of the article whose lead vector is closest to the mean of the
    story's leads (the first titled one on a tie). A brief and the store's story listing both take it,
    so a story has one name wherever it is shown."""
    titled = [i for i, title in enumerate(titles) if title]
    if not titled:
        return None
    centre = np.mean(np.stack(leads), axis=0)
    best = max(titled, key=lambda i: (float(leads[i] @ centre), -i))
    return titles[best]


# entity kinds that tell one event from a look-alike: who, which organisation, where, which event or law
STORY_ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "PRODUCT", "WORK_OF_ART", "LAW"}
)


def story_similarity(
    texts: Sequence[str],
    entities: Sequence[Sequence[str]],
    leads: Sequence[npt.NDArray[np.float32]],
    dates: Sequence[str | None] | None = None,
) -> npt.NDArray[np.float64]:
    """How alike each pair of articles is as coverage of one story: the mean of three cosines, each a
    different signal. Words: TF-IDF of the whole text (sublinear counts, English stopwords, every word
    in an article's length). Names: TF-IDF of the named entities (two earthquakes differ in place and date,
    two rehab stories in who). Meaning: the MiniLM lead vectors (a rewrite in other words). Time:
    articles published far apart are discounted (``time_proximity``)."""
    similarity = nameless_similarity(texts, leads) + name_similarity(entities) / 3
    return similarity * time_proximity(dates) if dates is not None else similarity


# one moment of a story's coverage: articles within three days of each other are not discounted. On
# 263 PolNeAR pairs read blind (US politics of 2015-16, each judged one story page or two), pairs more
# than three days apart were mostly two stories, however alike (docs/evaluation.md, "parallax eval
# story-pairs"); with 30 days here, two weeks' campaign coverage had been one story
STORY_SPAN_DAYS = 3
# beyond the span, the factor is (span / days apart) to this power: the square root is gentler to a plain
# follow-up a week on than the linear decay used with the 30-day span, and scored alike on those pairs
STORY_DECAY_POWER = 0.5


def time_proximity(
    dates: Sequence[str | None], span: int = STORY_SPAN_DAYS, power: float = STORY_DECAY_POWER
) -> npt.NDArray[np.float64]:
    """A factor for each pair of articles: 1 when they were published within ``span`` days of each
    other or either date is unknown, else (``span`` / the days between them) ** ``power``; by default
    the square root of 3 / the days: a week apart 0.65, a month 0.32, a year 0.09. A follow-up a week
    on still joins its story when it is plainly about it (0.46 alike or more), and two floods of one
    river a year apart are two stories, however alike their words, names and leads."""
    ordinals = [publication_day(published) for published in dates]
    # undated (or not a date): NaN, no discount
    days = np.array([np.nan if day is None else day for day in ordinals], dtype=np.float64)
    gaps = np.abs(days[:, None] - days[None, :])
    factor = (span / np.maximum(gaps, span)) ** power
    return np.asarray(np.where(np.isnan(gaps), 1.0, factor), dtype=np.float64)


def nameless_similarity(
    texts: Sequence[str], leads: Sequence[npt.NDArray[np.float32]]
) -> npt.NDArray[np.float64]:
    """``story_similarity`` without its names term: a lower bound of it, since names only add."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    # every word counts in an article's length, also those no other article has: with only the shared
    # words kept (min_df=2), a three-article batch had two words left, and a café fire's two
    # sentences came out 0.99 alike with a report on Ukraine that shared its "officials"
    try:
        vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
        words = (vectors @ vectors.T).toarray()
    except ValueError:  # no word at all (every text is stopwords)
        words = np.eye(len(texts))
    matrix = np.stack(leads).astype(np.float64)
    return np.asarray((words + matrix @ matrix.T) / 3, dtype=np.float64)


def name_similarity(entities: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """Cosines of the articles' named entities (TF-IDF, one token per name)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    names = [" ".join("_".join(name.lower().split()) for name in found) for found in entities]
    try:
        vectors = TfidfVectorizer(
            sublinear_tf=True, token_pattern=r"\S+", lowercase=False
        ).fit_transform(names)
    except ValueError:  # no entity anywhere
        return np.zeros((len(names), len(names)))
    return np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)


def cluster_articles(
    similarity: npt.NDArray[np.float64], opts: ClusterOptions | None = None
) -> list[list[int]]:
    """Groups of article indices, each one story, in order of first appearance: average-linkage
    agglomerative clustering (scipy) of ``story_similarity``, cut at ``same_story_min_sim``."""
    opts = opts or ClusterOptions()
    count = len(similarity)
    if count <= 1:
        return [list(range(count))] if count else []
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distances = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    distances = (distances + distances.T) / 2
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - opts.same_story_min_sim, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])


def stable_ids(
    groups: Sequence[Sequence[str]],
    previous: dict[str, str],
    new_id: Callable[[Sequence[str]], str],
) -> dict[str, str]:
    """Story ids for ``groups`` of article ids that keep the ids of ``previous`` (article -> story).

    A group takes the previous id it shares most articles with, largest overlaps first, each id at
    most once: a story that grows keeps its id, and of two stories that merge the one with more of
    the articles keeps its id. A group with no previous id left gets ``new_id(its article ids)``.
    """
    overlaps: list[tuple[int, int, str]] = []
    for index, group in enumerate(groups):
        counts: dict[str, int] = {}
        for article in group:
            if article in previous:
                counts[previous[article]] = counts.get(previous[article], 0) + 1
        overlaps.extend((count, index, story) for story, count in counts.items())
    taken: dict[int, str] = {}
    used: set[str] = set()
    for _, index, story in sorted(overlaps, key=lambda o: (-o[0], o[1], o[2])):
        if index not in taken and story not in used:
            taken[index] = story
            used.add(story)
    out: dict[str, str] = {}
    for index, group in enumerate(groups):
        story = taken.get(index) or new_id(group)
        out.update((article, story) for article in group)
    return out
