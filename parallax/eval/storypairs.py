"""``parallax eval story-pairs``: one story or two, for dated article pairs judged by a reader.

Input: JSON lines ``{"a": doc id, "b": doc id, "same": true|false}`` (a ``why`` may say what decided
it), and ``--polnear DIR``: PolNeAR's folder, whose ``metadata.tsv`` gives each document's publisher,
publication date and title and whose ``train/text`` and ``dev/text`` hold ``<doc id>.txt``.
``benchmarks/polnear_story_pairs.jsonl`` is ours: 263 pairs of PolNeAR articles (US politics, 2015-16)
that a helper read blind, title and first 900 characters of each, judging whether an editor would put
the two on one story page (one event or one developing storyline; a broad topic such as "the
Republican race" is not one). The pairs were drawn from groupings of all 923 readable PolNeAR
articles, so they sit near the decision, not at random (two random articles are almost always two
stories). No text of PolNeAR is in the repository, only its document ids.

The articles of all the pairs are read together and their pair similarity is
``cluster.story_similarity`` (TF-IDF fitted on these articles, NER, float32 MiniLM), and a pair is one
story when it reaches ``ClusterOptions.same_story_min_sim``. Rows, in one run: parallax with the
articles' dates (``cluster.time_proximity``), the same with the discount it had before (a 30-day span,
then linear) and with dates ignored, and TF-IDF cosine and MiniLM lead cosine each at its best cut on
this data (an upper bound for them).
``STORY_SPAN_DAYS`` was chosen on these pairs, so parallax's row is not a held-out figure.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.errors import ParallaxError
from parallax.eval.metrics import decision_scores

# the time discount until 2026-12-02: a 30-day span, then 30 / the days apart; shown for comparison
SPAN_BEFORE, POWER_BEFORE = 30, 1.0
_METADATA_COLUMNS = ("filename", "publisher", "publication_date", "title")


def load_pairs(path: str | Path) -> list[tuple[str, str, bool]]:
    """(doc id, doc id, same story) for every line."""
    pairs: list[tuple[str, str, bool]] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ParallaxError(f"{path}: cannot read it ({exc})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        fields = (row.get("a"), row.get("b"), row.get("same")) if isinstance(row, dict) else ()
        if not (
            len(fields) == 3
            and isinstance(fields[0], str)
            and isinstance(fields[1], str)
            and isinstance(fields[2], bool)  # "false" as a string would read as true
        ):
            raise ParallaxError(
                f'{path}:{number}: expected {{"a": doc id, "b": doc id, "same": true|false}} '
                "(ids as strings, same as a JSON boolean)"
            )
        pairs.append((fields[0], fields[1], fields[2]))
    if not pairs:
        raise ParallaxError(f"{path}: no pair in it")
    return pairs


def load_polnear(folder: str | Path, wanted: set[str]) -> dict[str, dict[str, str]]:
    """The wanted documents of a PolNeAR folder: text, date, publisher and title of each."""
    root = Path(folder)
    meta = root / "metadata.tsv"
    if not meta.is_file():
        raise ParallaxError(f"{root}: no metadata.tsv in it; pass PolNeAR's folder (--polnear)")
    csv.field_size_limit(sys.maxsize)
    try:
        with meta.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = [c for c in _METADATA_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise ParallaxError(
                    f"{meta}: no {', '.join(missing)} column; pass PolNeAR's folder (--polnear), "
                    "whose metadata.tsv has " + ", ".join(_METADATA_COLUMNS)
                )
            rows = {r["filename"]: r for r in reader}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ParallaxError(f"{meta}: cannot read it as UTF-8 tab-separated text ({exc})") from None
    found: dict[str, dict[str, str]] = {}
    for doc in sorted(wanted):
        texts = [root / part / "text" / f"{doc}.txt" for part in ("train", "dev")]
        text = next((t for t in texts if t.is_file()), None)
        if text is None or doc not in rows:
            lacks = f"no {texts[0]} or {texts[1]}" if text is None else f"no row in {meta}"
            raise ParallaxError(
                f"{root}: the pairs name {doc!r}, but there is {lacks}; pass the full PolNeAR "
                "release (--polnear)"
            )
        row = rows[doc]
        try:
            body = text.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ParallaxError(f"{text}: cannot read it as UTF-8 text ({exc})") from None
        found[doc] = {
            "text": body,
            "published": row["publication_date"],
            "outlet": row["publisher"],
            "title": row["title"],
        }
    return found


def _best(scores: npt.NDArray[np.float64], same: npt.NDArray[np.bool_]) -> dict[str, float]:
    cuts = [round(0.05 * k, 2) for k in range(1, 20)]
    return max(
        ({**decision_scores(scores >= c, same), "cut": c} for c in cuts), key=lambda d: d["f1"]
    )


def evaluate(path: str | Path, polnear: str | Path) -> dict[str, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from parallax.clean import clean_document
    from parallax.cluster import story_similarity, time_proximity
    from parallax.config import ClusterOptions
    from parallax.models import RawDocument
    from parallax.nlp import get_embedder, get_nlp
    from parallax.pipeline import Pipeline

    pairs = load_pairs(path)
    docs = load_polnear(polnear, {d for a, b, _ in pairs for d in (a, b)})
    start = time.perf_counter()
    ids = sorted(docs)
    articles = [
        clean_document(
            RawDocument(
                source=f"{doc}.txt",
                text=docs[doc]["text"],
                fmt="record",
                title=docs[doc]["title"],
                title_how="given",
                outlet=docs[doc]["outlet"],
                outlet_how="given",
                published=docs[doc]["published"],
                published_how="given",
            )
        )
        for doc in ids
    ]
    at = {doc: n for n, doc in enumerate(ids)}
    first = np.array([at[a] for a, _, _ in pairs])
    second = np.array([at[b] for _, b, _ in pairs])
    same = np.array([s for _, _, s in pairs])
    signals = Pipeline(nlp=get_nlp(), embedder=get_embedder()).signals(articles)
    texts = [a.text for a in articles]
    undated = story_similarity(texts, [e for _, e in signals], [lead for lead, _ in signals])
    dates = [a.published for a in articles]
    ours = (undated * time_proximity(dates))[first, second]
    seconds = time.perf_counter() - start
    before = (undated * time_proximity(dates, SPAN_BEFORE, POWER_BEFORE))[first, second]

    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    words = np.asarray(tfidf[first].multiply(tfidf[second]).sum(axis=1)).ravel()
    leads = np.stack([lead for lead, _ in signals]).astype(np.float64)
    meaning = (leads[first] * leads[second]).sum(axis=1)

    cut = ClusterOptions().same_story_min_sim
    fixed = {"cut": cut}
    rows: list[dict[str, Any]] = [
        {
            "system": "parallax, with dates",
            **decision_scores(ours >= cut, same),
            **fixed,
            "seconds": round(seconds, 2),
        },
        {
            "system": f"parallax, before ({SPAN_BEFORE}-day span, linear)",
            **decision_scores(before >= cut, same),
            **fixed,
        },
        {
            "system": "parallax, dates ignored",
            **decision_scores(undated[first, second] >= cut, same),
            **fixed,
        },
        {"system": "TF-IDF cosine, best cut on this data", **_best(words, same)},
        {"system": "MiniLM lead cosine, best cut on this data", **_best(meaning, same)},
    ]
    return {"rows": rows, "pairs": len(pairs), "same_story_pairs": int(same.sum())}
