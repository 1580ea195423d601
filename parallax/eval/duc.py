"""``parallax eval duc2004``: multi-document summaries scored with ROUGE against human summaries.

Input: JSON lines, one cluster per line: ``{"cluster_id", "docs": [{"doc_id", "text", "title"?,
"published"?}], "references": {name: text}, "system_summaries": {name: text}?}`` (the DUC 2004 task 2
file in ../shared/eval/duc2004 has this shape). A folder is read as every ``*.jsonl`` under it.

Each cluster's documents are briefed as one story. Scorer: Google's ``rouge-score`` (ROUGE-1 and
ROUGE-2, Porter-stemmed), every summary cut to the first N words, references used whole; recall and F1
are averaged over a cluster's references, then over clusters. Rows, all scored in the same run: parallax,
sumy's LexRank, TextRank and LSA (sumy's tokenizer needs NLTK data that cannot be downloaded here, so it
gets one built on spaCy's sentencizer), and every published system whose summaries the file carries.
Times are wall seconds for all clusters; parallax's includes loading its models (spaCy for the first
row only: the second reuses it). parallax runs twice: with the default int8 copy of MiniLM and with the
float32 export (PARALLAX_EMBEDDER=onnx), to show what the faster model costs.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.errors import InputError, ParallaxError
from parallax.eval.files import json_lines

SUMY_METHODS = ("LexRank", "TextRank", "LSA")


@dataclass(frozen=True)
class Cluster:
    id: str
    docs: tuple[dict[str, str], ...]
    references: dict[str, str]
    systems: dict[str, str] = field(default_factory=dict)


def load(path: str | Path, only: Sequence[str] = (), first: int | None = None) -> list[Cluster]:
    """Clusters from a JSONL file (or every ``*.jsonl`` under a folder), optionally a subset."""
    clusters: list[Cluster] = []
    for where, row in json_lines(path, "pass a file like duc2004_task2.jsonl"):
        try:
            cluster = Cluster(
                str(row["cluster_id"]),
                tuple(row["docs"]),
                dict(row["references"]),
                dict(row.get("system_summaries") or {}),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ParallaxError(
                f"{where}: not a cluster record ({exc}); each line needs "
                '"cluster_id", "docs" [{"doc_id", "text"}] and "references" {name: text}'
            ) from None
        if not cluster.docs or not cluster.references:
            raise ParallaxError(f"{where}: cluster {cluster.id} has no docs or references")
        clusters.append(cluster)
    if only:
        wanted = set(only)
        missing = wanted - {c.id for c in clusters}
        if missing:
            raise ParallaxError(f"{path}: no cluster named {', '.join(sorted(missing))}")
        clusters = [c for c in clusters if c.id in wanted]
    return clusters[:first] if first else clusters


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


class SpacyTokenizer:
    """sumy's Tokenizer interface on spaCy's sentencizer: NLTK's punkt cannot be downloaded here."""

    def __init__(self) -> None:
        from parallax.nlp import get_nlp

        self._nlp = get_nlp()

    def to_sentences(self, text: str) -> list[str]:
        from parallax.models import Article

        analysis = self._nlp.analyse([Article("0" * 12, "-", text)], entities=False)[0]
        return [text[s:e] for s, e in analysis.sentences]

    def to_words(self, sentence: str) -> list[str]:
        words = (w.strip(".,;:!?\"'“”’()`") for w in sentence.split())
        return [w for w in words if w]


def _robust_svd(matrix: Any, full_matrices: bool = False) -> Any:
    """numpy's SVD (LAPACK gesdd), and LAPACK's slower gesvd when gesdd does not converge: `make eval`
    once stopped on sumy LSA's "SVD did not converge" for a matrix the next run decomposed."""
    import numpy as np

    try:
        return np.linalg.svd(matrix, full_matrices=full_matrices)
    except np.linalg.LinAlgError:
        from scipy.linalg import svd

        return svd(matrix, full_matrices=full_matrices, lapack_driver="gesvd")


def sumy_summary(method: str, texts: Sequence[str], words: int, tokenizer: Any = None) -> str:
    """sumy's ``method`` over the concatenated documents: best-ranked sentences until ``words``."""
    import sumy.summarizers.lsa
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    # sumy's LSA calls this module-level name; the same decomposition, with a fallback (_robust_svd)
    sumy.summarizers.lsa.singular_value_decomposition = _robust_svd
    kinds = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer}
    parser = PlaintextParser.from_string("\n\n".join(texts), tokenizer or SpacyTokenizer())
    summarizer = kinds[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    out: list[str] = []
    for sentence in summarizer(parser.document, 20):
        out.append(str(sentence))
        if sum(len(s.split()) for s in out) >= words:
            break
    return cut(" ".join(out), words)


def _articles(cluster: Cluster) -> list[Any]:
    from parallax.clean import clean_document
    from parallax.models import RawDocument

    articles = []
    for number, doc in enumerate(cluster.docs):
        raw = RawDocument(
            source=f"{cluster.id}/{doc.get('doc_id', number)}",
            text=doc["text"],
            fmt="record",
            title=doc.get("title"),
            title_how="given" if doc.get("title") else None,
            published=doc.get("published"),
            published_how="given" if doc.get("published") else None,
        )
        try:
            articles.append(clean_document(raw))
        except InputError:
            continue  # an empty document: the others still make the story
    return articles


def parallax_summaries(
    clusters: Sequence[Cluster],
    words: int,
    progress: Callable[[int], None] | None = None,
    embedder: str = "onnx-int8",
) -> list[str]:
    """parallax's brief of each cluster, all documents as one story, models loaded once."""
    from parallax.config import BriefOptions
    from parallax.nlp import CachingEmbedder, get_nlp, load_embedder
    from parallax.pipeline import Pipeline, PipelineOptions

    opts = PipelineOptions(
        brief=BriefOptions(words=words, fill=True), single_story=True, analysis=False
    )
    pipe = Pipeline(opts, nlp=get_nlp(), brief_embedder=CachingEmbedder(load_embedder(embedder)))
    out = []
    for cluster in clusters:
        articles = _articles(cluster)
        report = pipe.brief(articles) if articles else None
        sentences = report.stories[0].brief.sentences if report and report.stories else ()
        out.append(cut(" ".join(s.text for s in sentences), words))
        if progress:
            progress(1)
    return out


def score(
    clusters: Sequence[Cluster], summaries: Sequence[str], words: int
) -> tuple[dict[str, float], list[dict[str, float]]]:
    """Mean ROUGE-1/2 recall and F1 (x100) over clusters, and the per-cluster figures."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    per: list[dict[str, float]] = []
    for cluster, summary in zip(clusters, summaries, strict=True):
        text = cut(summary, words)
        results = [scorer.score(ref, text) for ref in cluster.references.values()]
        per.append(
            {
                f"{key}_{metric}": 100 * sum(getattr(r[name], attr) for r in results) / len(results)
                for name, key in (("rouge1", "r1"), ("rouge2", "r2"))
                for metric, attr in (("recall", "recall"), ("f1", "fmeasure"))
            }
        )
    keys = ("r1_recall", "r2_recall", "r1_f1", "r2_f1")
    mean = {k: round(sum(p[k] for p in per) / len(per), 2) for k in keys}
    return mean, per


def evaluate(
    path: str | Path,
    words: int = 100,
    only: Sequence[str] = (),
    first: int | None = None,
    per_cluster: bool = False,
    baselines: bool = True,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, Any]:
    from parallax.nlp import BRIEF_EMBEDDER

    clusters = load(path, only, first)
    runs: list[tuple[str, list[str], float | None]] = []
    for name, backend in (("parallax", BRIEF_EMBEDDER), ("parallax, float32 MiniLM", "onnx")):
        start = time.perf_counter()
        tick = functools.partial(progress, name) if progress else None
        ours = parallax_summaries(clusters, words, tick, backend)
        runs.append((name, ours, time.perf_counter() - start))
    if baselines:
        tokenizer = SpacyTokenizer()
        for method in SUMY_METHODS:
            start = time.perf_counter()
            texts = []
            for cluster in clusters:
                texts.append(
                    sumy_summary(method, [d["text"] for d in cluster.docs], words, tokenizer)
                )
                if progress:
                    progress(f"sumy {method}", 1)
            runs.append((f"sumy {method}", texts, time.perf_counter() - start))
        published = sorted({name for c in clusters for name in c.systems})
        for name in published:
            if all(name in c.systems for c in clusters):
                runs.append((name, [c.systems[name] for c in clusters], None))
    rows: list[dict[str, Any]] = []
    clusters_out: list[dict[str, Any]] = []
    for name, texts, seconds in runs:
        mean, per = score(clusters, texts, words)
        rows.append({"system": name, **mean, "seconds": round(seconds, 2) if seconds else None})
        if per_cluster:
            clusters_out.extend(
                {"cluster": c.id, "system": name, **{k: round(v, 2) for k, v in p.items()}}
                for c, p in zip(clusters, per, strict=True)
            )
    rows.sort(key=lambda r: (-r["r2_recall"], -r["r1_recall"]))
    result: dict[str, Any] = {"rows": rows, "clusters": len(clusters), "words": words}
    if per_cluster:
        result["per_cluster"] = clusters_out
    return result


def floors_for(path: str | Path, first: int | None, only: Sequence[str]) -> dict[str, float]:
    """The pinned floors (benchmarks/rouge_floors.json) that apply to this run: ``all`` for every
    cluster, ``subset`` for its ``--first N``; anything else has no floors."""
    pinned = json.loads(Path(path).read_text(encoding="utf-8"))
    subset = pinned.get("subset", {})
    if first and not only and first == subset.get("first"):
        return dict(subset)
    if not first and not only and "all" in pinned:
        return dict(pinned["all"])
    raise ParallaxError(
        f"{path} pins floors for all clusters or --first {subset.get('first')}; "
        "drop --clusters/--first or match the pinned subset"
    )


def below_floors(result: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """What falls below the floors, one line each (empty: they held)."""
    ours = next(r for r in result["rows"] if r["system"] == "parallax")
    return [
        f"{key} {ours[key]} < {floors[key]}"
        for key in ("r1_recall", "r2_recall")
        if ours[key] < floors[key]
    ]
