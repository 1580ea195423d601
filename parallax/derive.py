"""Who copied whom: duplicates, rewrites, wire copy and citations between the articles of a story.

- ``duplicate``: the same text up to formatting. MinHash over word 3-shingles (datasketch), candidate pairs
  from LSH band keys (32 bands of 4 rows) so a large story is not compared pair by pair; a store keeps
  the same keys to find an article's copies among everything it holds (stories.py).
- ``rewrite``: one article paraphrases another sentence by sentence, in the same order, under a new
  headline and byline. Sentences are matched by MiniLM cosine; a rewrite covers most of the shorter
  article's sentences, mostly in order.
- ``wire``: the article carries an agency's copy (a wire tag "/ AP" or a dateline "(Reuters) —").
- ``cites``: the article names another outlet as its source ("first reported by Politico", "told CNN",
  "the AP reported", "according to Reuters"), whether or not that outlet is among the inputs.

:func:`independent_groups` turns the derivations into groups of articles that are not independent of
each other; a fact confirmed twice inside one group is confirmed once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from parallax import outlets
from parallax.models import Analysis, Article, Derivation, Span

Matrix = npt.NDArray[np.float32]

DUPLICATE_MIN_JACCARD = (
    0.7  # estimated word-3-shingle Jaccard: reformatting and a new headline stay above
)
REWRITE_SENTENCE_MIN_SIM = 0.75  # same point in other words (MSRP: precision 0.79 at this cosine)
REWRITE_MIN_COVERAGE = (
    0.5  # share of the shorter article's sentences that the other one paraphrases
)
# share of consecutive matches that keep their order: a rewrite follows its source paragraph by paragraph
# (1.00 for both rewrites in the Kharkiv and bundled stories), while independent reports of the same
# event share the lead but reorder the rest (0.75 for the bundled wire story against the local paper)
REWRITE_MIN_ORDER = 0.85
REWRITE_MIN_MATCHES = 3  # two shared sentences are a shared quote, not a rewrite
# Independent reports of one event tell its facts in the same order too (the lead, the toll, the
# official's quote, what comes next), so a short article's few paraphrased sentences are no rewrite
# by themselves: under REWRITE_CLEAR_MATCHES of them, one pair must also share a run of
# COPIED_RUN_WORDS words outside quotation marks, as copy that was edited does ("A fire turned a dance
# hall jammed with teen-age Halloween revelers into a deathtrap"). A paraphrase of a long article
# (Kharkiv's, 18 sentences in order with no such run) is a rewrite by its number of sentences.
REWRITE_CLEAR_MATCHES = 6
COPIED_RUN_WORDS = 8
NUM_PERM = 128


@dataclass(frozen=True)
class DeriveOptions:
    duplicate_min_jaccard: float = DUPLICATE_MIN_JACCARD
    rewrite_sentence_min_sim: float = REWRITE_SENTENCE_MIN_SIM
    rewrite_min_coverage: float = REWRITE_MIN_COVERAGE
    rewrite_min_order: float = REWRITE_MIN_ORDER

    def __post_init__(self) -> None:
        for name in (
            "duplicate_min_jaccard",
            "rewrite_sentence_min_sim",
            "rewrite_min_coverage",
            "rewrite_min_order",
        ):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {getattr(self, name)}")


_CUE = (
    r"(?:first reported by|was first to report|first to report|reported by|reports? by|according to|"
    r"told|citing|cited by|in an interview with|speaking to|spoke to|said to|disclosed[^.]{0,40}? to|"
    r"obtained by|reviewed by|seen by|confirmed to|(?:in\s+)?a\s+statement\s+to|"
    # an appearance on an outlet's programme: "said on CNN's State of the Union"
    r"(?:said|says|told\s+\w+|speaking)\s+on)"
)


@lru_cache(maxsize=64)
def _citation_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(
        rf"{_CUE}\s+(?:a\s+report\s+(?:by|in|from)\s+)?(?:the\s+)?(?P<after>{alternation})(?![\w])|"
        rf"(?<![\w])(?:the\s+)?(?P<before>{alternation})(?:,\s+which)?\s+(?:first\s+)?(?:reported|reports|said|was first to report|first reported|has reported|"
        rf"had reported|was the first)",
        re.IGNORECASE,
    )


def known_names(articles: Sequence[Article]) -> tuple[str, ...]:
    """Every outlet name a citation may use: the registry's aliases and the story's own outlets."""
    names = {
        alias for o in outlets.OUTLETS for alias in o.aliases if len(alias) > 2 or alias.isupper()
    }
    for article in articles:
        if article.outlet:
            names.add(article.outlet)
            names.add(re.sub(r"^The\s+", "", article.outlet))
    return tuple(sorted(names))


def find_citations(
    text: str, start: int, end: int, names: tuple[str, ...]
) -> list[tuple[int, int, str]]:
    """``(start, end, outlet)`` of each outlet named as a source in ``text[start:end]``."""
    found = []
    for match in _citation_pattern(names).finditer(text, start, end):
        name = match.group("after") or match.group("before")
        if not name[:1].isupper():
            continue  # IGNORECASE must not turn "time" or "post" into an outlet
        found.append((match.start(), match.end(), outlets.canonical(name)))
    return found


def _same_outlet(a: str | None, b: str | None) -> bool:
    return bool(a and b) and outlets.outlet_key(a or "") == outlets.outlet_key(b or "")


def _article_of(outlet: str, articles: Sequence[Article], exclude: str) -> str | None:
    for article in articles:
        if article.id != exclude and _same_outlet(article.outlet, outlet):
            return article.id
    return None


def _shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + 3]).encode() for i in range(max(len(words) - 2, 1))}


LSH_BANDS = 32  # of 4 rows: texts at Jaccard 0.7 share a band with p 0.9998, at 0.3 with p 0.23, at 0.1 p 0.003


def sketch(text: str) -> npt.NDArray[np.uint64]:
    """A text's MinHash signature (word 3-shingles, NUM_PERM permutations, seed 1): what a store keeps
    to find the near-identical copies of an article among all it holds (``band_keys``)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(list(_shingles(text)))
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def band_keys(signature: npt.NDArray[np.uint64]) -> list[str]:
    """The signature's LSH band keys: texts that share one are candidate copies (an index lookup)."""
    import hashlib

    rows = len(signature) // LSH_BANDS
    return [
        f"{band}:{hashlib.blake2b(signature[band * rows : (band + 1) * rows].tobytes(), digest_size=8).hexdigest()}"
        for band in range(LSH_BANDS)
    ]


def estimated_jaccard(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """The Jaccard similarity of two texts' shingles, estimated from their signatures."""
    return float(np.mean(a == b))


def find_duplicates(
    articles: Sequence[Article], opts: DeriveOptions
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, jaccard)`` of near-identical articles: candidates share an LSH band key of
    their MinHash sketches (the same index a store keeps), kept at estimated Jaccard >= the threshold."""
    sketches = [sketch(article.text) for article in articles]
    buckets: dict[str, list[int]] = {}
    for index, signature in enumerate(sketches):
        for key in band_keys(signature):
            buckets.setdefault(key, []).append(index)
    candidates = {(i, j) for held in buckets.values() for i in held for j in held if i < j}
    pairs = []
    for i, j in sorted(candidates):
        jaccard = estimated_jaccard(sketches[i], sketches[j])
        if jaccard >= opts.duplicate_min_jaccard:
            pairs.append((i, j, jaccard))
    return pairs


def _alignment(
    a: Matrix, b: Matrix, opts: DeriveOptions
) -> tuple[float, float, list[tuple[int, int]]]:
    """(coverage, order, matched pairs) of the sentences of ``a`` paraphrased in ``b``."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0, []
    sims = a @ b.T
    best = sims.argmax(axis=1)
    matched = [
        (i, int(best[i]))
        for i in range(len(a))
        if sims[i, best[i]] >= opts.rewrite_sentence_min_sim
    ]
    coverage = len(matched) / len(a)
    steps = [matched[k + 1][1] > matched[k][1] for k in range(len(matched) - 1)]
    order = sum(steps) / len(steps) if steps else 0.0
    return coverage, order, matched


def _original_first(x: int, y: int, articles: Sequence[Article]) -> tuple[int, int]:
    """(rewrite, original) of a rewritten pair: who names the other as source, then dates, then length."""
    ax, ay = articles[x], articles[y]
    if ay.outlet and ay.outlet in ax.text and not (ax.outlet and ax.outlet in ay.text):
        return x, y
    if ax.outlet and ax.outlet in ay.text and not (ay.outlet and ay.outlet in ax.text):
        return y, x
    if ax.published and ay.published and ax.published != ay.published:
        return (
            (x, y)
            if date.fromisoformat(ax.published) > date.fromisoformat(ay.published)
            else (y, x)
        )
    return (x, y) if len(ax.text) < len(ay.text) else (y, x)


def find_derivations(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    embeddings: Sequence[Matrix],
    opts: DeriveOptions | None = None,
) -> list[Derivation]:
    """Every derivation between the story's articles, and citations of outlets outside them."""
    opts = opts or DeriveOptions()
    found: list[Derivation] = []
    duplicates = {(i, j) for i, j, _ in find_duplicates(articles, opts)}
    for i, j in sorted(duplicates):
        later, earlier = _original_first(i, j, articles)
        a, b = articles[later], articles[earlier]
        found.append(
            Derivation(
                a.id,
                "duplicate",
                b.id,
                b.outlet,
                (Span(a.id, 0, len(a.text)), Span(b.id, 0, len(b.text))),
            )
        )
    found.extend(_rewrites(articles, analyses, embeddings, duplicates, opts))
    found.extend(_wires(articles))
    found.extend(_cites(articles, analyses))
    return found


def _rewrites(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    embeddings: Sequence[Matrix],
    duplicates: set[tuple[int, int]],
    opts: DeriveOptions,
) -> list[Derivation]:
    out = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if (i, j) in duplicates:
                continue
            short, long_ = (i, j) if len(embeddings[i]) <= len(embeddings[j]) else (j, i)
            coverage, order, matched = _alignment(embeddings[short], embeddings[long_], opts)
            if (
                coverage < opts.rewrite_min_coverage
                or order < opts.rewrite_min_order
                or len(matched) < REWRITE_MIN_MATCHES
            ):
                continue
            if len(matched) < REWRITE_CLEAR_MATCHES and not any(
                _copied_run(
                    _sentence(articles[short], analyses[short], s),
                    _sentence(articles[long_], analyses[long_], m),
                )
                >= COPIED_RUN_WORDS
                for s, m in matched
            ):
                continue
            rewrite, original = _original_first(i, j, articles)
            evidence = []
            # evidence a reader can check: sentences of some words, not a live file's bare time
            # stamps ("9:42 p.m." against "9:05 p.m."), unless nothing else matched
            worded = [
                (s, m)
                for s, m in matched
                if min(
                    _words(articles[short], analyses[short], s),
                    _words(articles[long_], analyses[long_], m),
                )
                >= EVIDENCE_MIN_WORDS
            ]
            for s, m in (worded or matched)[:3]:
                pairs = ((short, s), (long_, m))
                for index, sentence in pairs:
                    start, end = analyses[index].sentences[sentence]
                    evidence.append(Span(articles[index].id, start, end))
            note = f"{coverage:.0%} of the shorter article's sentences paraphrased, {order:.0%} in the same order"
            a, b = articles[rewrite], articles[original]
            out.append(Derivation(a.id, "rewrite", b.id, b.outlet, tuple(evidence), note))
    return out


EVIDENCE_MIN_WORDS = 5
_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")
_WORD = re.compile(r"[a-z0-9]+")


def _sentence(article: Article, analysis: Analysis, index: int) -> str:
    start, end = analysis.sentences[index]
    return article.text[start:end]


def _copied_run(first: str, second: str) -> int:
    """The longest run of words two sentences share, outside quotation marks (a quote is the
    speaker's words, which independent reports print alike)."""
    a = _WORD.findall(_QUOTED.sub(" ", first.lower()))
    b = _WORD.findall(_QUOTED.sub(" ", second.lower()))
    if not a or not b:
        return 0
    return (
        difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        .find_longest_match(0, len(a), 0, len(b))
        .size
    )


def _words(article: Article, analysis: Analysis, sentence: int) -> int:
    return len(_sentence(article, analysis, sentence).split())


def _wires(articles: Sequence[Article]) -> list[Derivation]:
    out = []
    for article in articles:
        agency: str | None = None
        evidence: tuple[Span, ...] = ()
        note = ""
        dateline = outlets.DATELINE_CREDIT.match(article.text)
        if dateline:
            agency, start, end = outlets.dateline_agency(dateline)
            evidence = (Span(article.id, start - 1, end + 1),)
            note = f"dateline credit {dateline.group(0).strip()!r}"
        for removal in article.removed:
            if removal.reason == "wire tag":
                agency = removal.text.lstrip("/—–- ").strip()
                note = f"wire tag {removal.text!r} (removed from the text as residue)"
        credited = outlets.by_alias((article.byline or "").strip().removeprefix("By ").strip())
        if agency is None and credited is not None and credited.wire:
            # "by Reuters": the page credits the whole article to the agency (no span: metadata)
            agency, note = credited.name, f"byline {article.byline!r}"
        if agency is None:
            continue
        target = _article_of(agency, articles, article.id) or _article_of_prefix(
            agency, articles, article.id
        )
        name = next((a.outlet for a in articles if a.id == target), None) or outlets.canonical(
            agency
        )
        if _same_outlet(article.outlet, name) or (
            article.outlet and article.outlet.startswith(agency)
        ):
            continue  # the agency's own copy
        out.append(Derivation(article.id, "wire", target, name, evidence, note))
    return out


def _article_of_prefix(agency: str, articles: Sequence[Article], exclude: str) -> str | None:
    """The input article of an agency credited by a short name ("(Northline)" for Northline Press)."""
    for article in articles:
        if article.id != exclude and article.outlet and article.outlet.split()[0] == agency:
            return article.id
    return None


def _cites(articles: Sequence[Article], analyses: Sequence[Analysis]) -> list[Derivation]:
    names = known_names(articles)
    out = []
    for article, analysis in zip(articles, analyses, strict=True):
        by_outlet: dict[str, list[Span]] = {}
        for start, end in analysis.sentences:
            for _, _, outlet in find_citations(article.text, start, end, names):
                if _same_outlet(outlet, article.outlet) or outlets.edition_of(
                    article.outlet, outlet
                ):
                    continue  # "told CNN" in CNN's own report, "told Business Insider" in its German one
                by_outlet.setdefault(outlet, []).append(Span(article.id, start, end))
        for outlet, spans in sorted(by_outlet.items()):
            target = _article_of(outlet, articles, article.id)
            name = next((a.outlet for a in articles if a.id == target), None) or outlet
            out.append(Derivation(article.id, "cites", target, name, tuple(spans)))
    return out


def independent_groups(
    articles: Sequence[Article], derivations: Sequence[Derivation]
) -> dict[str, int]:
    """Article id -> group number: articles that duplicate, rewrite or carry another share its group,
    and so do articles that carry one agency's copy and articles of one outlet.

    Citations do not merge whole articles: "according to Reuters" covers one sentence, not the article.
    They are counted per sentence where facts are confirmed (see ``align.py``).
    """
    parent = {a.id: a.id for a in articles}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    carriers: dict[str, str] = {}  # an agency not among the inputs -> the first article carrying it
    for d in derivations:
        if d.kind != "cites" and d.to_article_id in parent and d.source in parent:
            parent[root(d.source)] = root(d.to_article_id)
        elif d.kind == "wire" and d.to_outlet and d.source in parent:
            # five papers running one AP story are one source, whether or not AP's own copy is
            # among the inputs
            parent[root(d.source)] = root(carriers.setdefault(d.to_outlet, d.source))
    # two articles of one outlet are one source: one newsroom's reporting, however often it writes
    # (a fact two CNN stories carry had named one outlet and counted two independent sources)
    first_of: dict[str, str] = {}
    for article in articles:
        if article.outlet:
            name = outlets.outlet_key(article.outlet)
            parent[root(article.id)] = root(first_of.setdefault(name, article.id))
    roots: dict[str, int] = {}
    return {a.id: roots.setdefault(root(a.id), len(roots)) for a in articles}


def copies_of_others(
    articles: Sequence[Article], derivations: Sequence[Derivation]
) -> frozenset[int]:
    """Indices of the articles that duplicate, rewrite or carry another of ``articles``: their
    tellings are another's, which the brief shows first (``summarise.COPY_PENALTY``)."""
    index = {a.id: i for i, a in enumerate(articles)}
    return frozenset(
        index[d.source]
        for d in derivations
        if d.kind != "cites" and d.to_article_id in index and d.source in index
    )


def sentence_sources(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    derivations: Sequence[Derivation],
    groups: Mapping[str, int],
) -> dict[tuple[int, int], str]:
    """(article index, sentence index) -> source key, for sentences that attribute their content to an
    outlet: that outlet's group when it is among the inputs, else the outlet's name.

    Read off the ``cites`` derivations, whose evidence is exactly those sentences.
    """
    index = {a.id: i for i, a in enumerate(articles)}
    keys: dict[tuple[int, int], str] = {}
    for d in derivations:
        if d.kind != "cites":
            continue
        key = f"group:{groups[d.to_article_id]}" if d.to_article_id else f"outlet:{d.to_outlet}"
        a_index = index[d.source]
        for span in d.evidence:
            s_index = analyses[a_index].sentence_at(span.start)
            if s_index is not None:
                keys.setdefault((a_index, s_index), key)
    return keys
