"""`make bench`: cold and warm time to brief the Kharkiv cluster and one DUC 2004 cluster, with sumy's
TextRank run on the same text in the same process as the baseline, and peak memory.

    python -m benchmarks.run [--repeat 5] [--json benchmarks/results/latest.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from parallax.clean import clean_document
from parallax.embedding import onnx_path
from parallax.eval.duc import sumy_summary
from parallax.models import Article, RawDocument
from parallax.nlp import BRIEF_EMBEDDER, get_nlp, load_embedder
from parallax.pipeline import Pipeline, PipelineOptions

from .stream import scale, scale_line, stream

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KHARKIV = SHARED / "corpus" / "kharkiv-2024-05"
DUC = SHARED / "eval" / "duc2004" / "duc2004_task2.jsonl"
ECB = SHARED / "eval" / "ecbplus" / "ecbplus_odd_topics.jsonl"
POLNEAR = SHARED / "eval" / "polnear"
WORDS = 150


def _median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _duc_articles() -> list[Article]:
    cluster = json.loads(DUC.read_text().splitlines()[0])
    return [
        clean_document(
            RawDocument(
                source=f"{cluster['cluster_id']}/{d['doc_id']}", text=d["text"], fmt="record"
            )
        )
        for d in cluster["docs"]
    ]


def textrank(texts: Sequence[str], words: int) -> str:
    """sumy's TextRank over the concatenated documents, cut to ``words`` words."""
    return sumy_summary("TextRank", texts, words)


def _temporal(
    nlp: Any, kharkiv: list[Article], full_brief_s: float, repeat: int
) -> dict[str, float]:
    """Temporal tagging and normalisation: seconds per 1,000 sentences, and its share of a full brief."""
    from datetime import date

    from parallax.temporal import tag

    texts = [a.text for a in _duc_articles()] + [a.text for a in kharkiv]
    analyses = nlp.analyse(
        [Article(f"{i:012d}", "-", t) for i, t in enumerate(texts)], entities=False
    )
    sentences = [t[s:e] for t, an in zip(texts, analyses, strict=True) for s, e in an.sentences][
        :1000
    ]
    anchor = date(2024, 5, 31)
    per_1000 = (
        _median_seconds(lambda: [tag(s, anchor) for s in sentences], repeat) * 1000 / len(sentences)
    )
    kharkiv_tag = _median_seconds(lambda: [tag(a.text, anchor) for a in kharkiv], repeat)
    return {
        "seconds_per_1000_sentences": round(per_1000, 3),
        "kharkiv_tagging_s": round(kharkiv_tag, 4),
        "share_of_full_brief": round(kharkiv_tag / full_brief_s, 3),
    }


def _throughput(nlp: Any, count: int) -> dict[str, float]:
    """Articles per second through the whole pipeline (clean, analyse, embed, cluster, analysis, brief)
    on DUC 2004 documents pooled across clusters, as a feed would bring them; and for briefs alone."""
    from parallax.nlp import CachingEmbedder

    rows = [json.loads(line) for line in DUC.read_text().splitlines()]
    docs = [(r["cluster_id"], d) for r in rows for d in r["docs"]][:count]
    raws = [
        RawDocument(source=f"{cid}/{d['doc_id']}", text=d["text"], fmt="record") for cid, d in docs
    ]
    out: dict[str, float] = {"articles": len(raws)}
    for name, analysis in (("full", True), ("brief_only", False)):
        embedder = CachingEmbedder(load_embedder("onnx" if onnx_path(build=True) else "torch"))
        pipe = Pipeline(
            PipelineOptions(analysis=analysis),
            nlp=nlp,
            embedder=embedder,
            brief_embedder=CachingEmbedder(load_embedder(BRIEF_EMBEDDER)),
        )
        start = time.perf_counter()
        articles = [clean_document(raw) for raw in raws]
        report = pipe.brief(articles)
        seconds = time.perf_counter() - start
        out[f"{name}_articles_per_s"] = round(len(raws) / seconds, 2)
        out[f"{name}_s"] = round(seconds, 2)
        out[f"{name}_stories"] = len(report.stories)
    return out


def _feed(nlp: Any, count: int) -> dict[str, float]:
    """Articles per second through the whole pipeline on a feed of one beat: PolNeAR's first ``count``
    training texts (2016 US politics from Breitbart, HuffPost and The New York Times) with their dates,
    outlets, bylines and titles, where most stories have one article."""
    import csv

    with (POLNEAR / "metadata.tsv").open(newline="", encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    names = sorted(p.stem for p in (POLNEAR / "train" / "text").glob("*.txt"))[:count]
    raws = []
    for name in names:
        row = meta.get(name, {})
        raws.append(
            RawDocument(
                source=f"polnear/{name}",
                text=(POLNEAR / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8"),
                fmt="record",
                title=row.get("title") or None,
                title_how="given",
                author=row.get("author") or None,
                author_how="given",
                outlet=row.get("publisher") or None,
                outlet_how="given",
                published=row.get("publication_date") or None,
                published_how="given",
            )
        )
    pipe = Pipeline(nlp=nlp, embedder=load_embedder("onnx" if onnx_path(build=True) else "torch"))
    start = time.perf_counter()
    report = pipe.brief([clean_document(raw) for raw in raws])
    seconds = time.perf_counter() - start
    return {
        "articles": len(raws),
        "full_articles_per_s": round(len(raws) / seconds, 2),
        "full_s": round(seconds, 2),
        "stories": len(report.stories),
        "one_article_stories": sum(1 for s in report.stories if len(s.article_ids) == 1),
    }


def cold(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "parallax", "-q", *args], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--articles", type=int, default=100, help="DUC 2004 documents pooled for the throughput run"
    )
    parser.add_argument(
        "--feed", type=int, default=300, help="PolNeAR texts briefed as one feed (0: skip)"
    )
    parser.add_argument(
        "--stream",
        type=int,
        default=996,
        help="articles fed one at a time into a store (DUC 2004 + ECB+ shuffled; 0: skip)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=10_000,
        help="synthetic stream size built from the --stream articles (0: skip)",
    )
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    opts = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    results: dict[str, Any] = {"machine": {"cores": os.cpu_count()}, "rows": []}
    cold_kharkiv = cold(["brief", str(KHARKIV), "--format", "json", "-o", os.devnull])

    nlp = get_nlp()
    path = onnx_path(build=True)
    raw = load_embedder(
        "onnx" if path else "torch"
    )  # no cache: every run embeds every sentence anew
    pipe = Pipeline(nlp=nlp, embedder=raw)  # full analysis: entities, derivations, facts, brief
    brief_only = Pipeline(  # as `parallax brief --brief-only`: the brief's own (int8) model
        PipelineOptions(analysis=False),
        nlp=nlp,
        embedder=raw,
        brief_embedder=load_embedder(BRIEF_EMBEDDER),
    )
    cached = Pipeline(nlp=nlp)
    kharkiv, _ = pipe.read([str(KHARKIV)])
    duc = _duc_articles()
    for name, articles in (
        ("kharkiv (5 articles)", kharkiv),
        ("duc2004 d30001t (10 articles)", duc),
    ):
        pipe.brief(articles)  # first call pays one-off costs (lazy imports, allocator warm-up)
        warm = _median_seconds(lambda a=articles: pipe.brief(a), opts.repeat)
        brief_only.brief(articles)
        warm_brief = _median_seconds(lambda a=articles: brief_only.brief(a), opts.repeat)
        cached.brief(articles)
        warm_cached = _median_seconds(lambda a=articles: cached.brief(a), opts.repeat)
        texts = [a.text for a in articles]
        textrank(texts, WORDS)
        sumy = _median_seconds(lambda t=texts: textrank(t, WORDS), opts.repeat)
        row = {
            "input": name,
            "parallax_warm_s": round(warm, 3),
            "brief_only_warm_s": round(warm_brief, 3),
            "analysis_adds_s": round(warm - warm_brief, 3),
            "parallax_warm_cached_s": round(warm_cached, 3),
            "sumy_textrank_s": round(sumy, 3),
            "ratio_parallax_to_textrank": round(warm / sumy, 2),
            "words": sum(len(a.text.split()) for a in articles),
        }
        results["rows"].append(row)
    results["temporal"] = _temporal(
        nlp, kharkiv, results["rows"][0]["parallax_warm_s"], opts.repeat
    )
    results["throughput"] = _throughput(nlp, opts.articles)
    if opts.feed:
        results["feed"] = _feed(nlp, opts.feed)
    if opts.stream:
        results["stream"], base, signals = stream(nlp, opts.stream)
        if opts.scale:
            results["scale"] = scale(nlp, base, signals, opts.scale)
    results["cold_kharkiv_s"] = round(cold_kharkiv, 2)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results["embedder"] = type(raw).__name__

    print(
        f"cold: `parallax brief` of the Kharkiv cluster, new process, models loaded from disk: {cold_kharkiv:.2f} s"
    )
    print(
        f"embedder: {results['embedder']}; peak memory of this process: {results['peak_rss_mb']} MB"
    )
    header = ("input", "brief", "full", "+analysis", "cached", "TextRank", "ratio")
    print("{:32} {:>8} {:>8} {:>9} {:>8} {:>9} {:>6}".format(*header))
    for row in results["rows"]:
        print(
            f"{row['input']:32} {row['brief_only_warm_s']:>7.3f}s {row['parallax_warm_s']:>7.3f}s "
            f"{row['analysis_adds_s']:>8.3f}s {row['parallax_warm_cached_s']:>7.3f}s "
            f"{row['sumy_textrank_s']:>8.3f}s {row['ratio_parallax_to_textrank']:>6.2f}"
        )
    temporal = results["temporal"]
    print(
        f"temporal tagging: {temporal['seconds_per_1000_sentences']:.3f} s per 1,000 sentences; "
        f"Kharkiv {temporal['kharkiv_tagging_s']:.4f} s = {100 * temporal['share_of_full_brief']:.1f}% of its full brief"
    )
    flow = results["throughput"]
    print(
        f"throughput, {flow['articles']} DUC 2004 documents pooled: full pipeline "
        f"{flow['full_articles_per_s']} articles/s ({flow['full_s']} s, {flow['full_stories']} stories); "
        f"briefs alone {flow['brief_only_articles_per_s']} articles/s ({flow['brief_only_s']} s)"
    )
    if "feed" in results:
        feed = results["feed"]
        print(
            f"throughput, a feed of {feed['articles']} PolNeAR articles: full pipeline "
            f"{feed['full_articles_per_s']} articles/s ({feed['full_s']} s, {feed['stories']} "
            f"stories, {feed['one_article_stories']} of one article)"
        )
    print(
        f"target (issue 5) full pipeline >= 20 articles/s: "
        f"{'met' if flow['full_articles_per_s'] >= 20 else 'NOT met'}"
    )
    if "stream" in results:
        flow = results["stream"]
        print(
            f"stream (issue 6): {flow['articles']} articles one at a time into a store, "
            f"{flow['stories']} stories, {flow['articles_per_s']} articles/s; one assignment "
            f"{flow['first_tenth_ms_per_assignment']} ms in the first tenth, "
            f"{flow['last_tenth_ms_per_assignment']} ms in the last"
        )
    if "scale" in results:
        print(scale_line(results["scale"]))
    brief5 = results["rows"][0]["brief_only_warm_s"]
    adds10 = results["rows"][1]["analysis_adds_s"]
    print(
        f"target (issue 2) warm brief of 5 articles < 1 s: {'met' if brief5 < 1 else 'NOT met'} ({brief5:.3f} s)"
    )
    print(
        f"target (issue 3) analysis adds < 1 s for 10 articles: {'met' if adds10 < 1 else 'NOT met'} ({adds10:.3f} s)"
    )
    Path(opts.json).parent.mkdir(parents=True, exist_ok=True)
    Path(opts.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
