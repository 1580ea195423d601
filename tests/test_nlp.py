from __future__ import annotations

import os
import sys

import numpy as np
import pytest

from parallax.models import Article
from parallax.nlp import CachingEmbedder, merge_quoted
from parallax.pipeline import Pipeline

from .conftest import EXAMPLE, KHARKIV

TEXT = (
    "WASHINGTON — The U.S. Senate passed the bill on Tuesday. “We got lucky with the wind. Another hour and "
    "the pier would have gone,” Fire Chief Ilse Marren said.\n\nDr. Ada Brook of Lindham University disagreed. "
    "She said the plan would cost $4.5 million."
)


def test_sentences_are_spans_of_the_text_and_never_cross_paragraphs(pipeline: Pipeline) -> None:
    article = Article("0" * 12, "t", TEXT)
    [analysis] = pipeline.nlp.analyse([article])
    texts = [TEXT[s:e] for s, e in analysis.sentences]
    assert texts[0] == "WASHINGTON — The U.S. Senate passed the bill on Tuesday."
    assert texts[1].startswith("“We got lucky") and texts[1].endswith("Marren said."), (
        "one quote, one sentence"
    )
    assert texts[2] == "Dr. Ada Brook of Lindham University disagreed."
    for start, end in analysis.sentences:
        assert "\n" not in TEXT[start:end] and TEXT[start:end] == TEXT[start:end].strip()


def test_entities_carry_offsets_into_the_text(pipeline: Pipeline) -> None:
    [analysis] = pipeline.nlp.analyse([Article("0" * 12, "t", TEXT)])
    assert analysis.entities
    for entity in analysis.entities:
        assert TEXT[entity.start : entity.end] == entity.text
    labels = {e.text: e.label for e in analysis.entities}
    assert labels.get("Ada Brook") == "PERSON" or labels.get("Ilse Marren") == "PERSON"
    assert labels.get("$4.5 million") == "MONEY"


def test_analysis_without_entities_skips_ner(pipeline: Pipeline) -> None:
    [analysis] = pipeline.nlp.analyse([Article("0" * 12, "t", TEXT)], entities=False)
    assert analysis.entities == () and len(analysis.sentences) == 4


def test_ner_in_two_processes_finds_what_one_finds(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax import nlp

    articles, _ = pipeline.read([str(KHARKIV), str(EXAMPLE)])
    many = [Article(f"{n:012d}", f"copy {n}", a.text) for n in range(4) for a in articles]
    assert len(many) >= nlp.PARALLEL_NER_MIN_ARTICLES
    monkeypatch.setenv("PARALLAX_NER_PROCESSES", "1")
    alone = pipeline.nlp.analyse(many)
    monkeypatch.delenv("PARALLAX_NER_PROCESSES")
    assert nlp._ner_processes(len(many)) == (2 if (os.cpu_count() or 1) >= 2 else 1)
    assert nlp._ner_processes(nlp.PARALLEL_NER_MIN_ARTICLES - 1) == 1
    together = pipeline.nlp.analyse(many)
    assert together == alone


def test_merge_quoted_keeps_an_unclosed_quote_split() -> None:
    text = "He said “this never closes. Next sentence. And another. One more. Last one."
    spans = [(0, 27), (28, 42), (43, 55), (56, 65), (66, 75)]
    assert merge_quoted(text, spans) == spans


def test_embeddings_are_unit_length_and_meaningful(pipeline: Pipeline) -> None:
    vectors = pipeline.embedder.encode(
        [
            "A fire destroyed two grain silos at the port overnight.",
            "Two storage silos at the harbour were destroyed by fire during the night.",
            "The council voted to keep the library open later on weekdays.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.7 > vectors[0] @ vectors[2]


def test_caching_embedder_encodes_each_text_once() -> None:
    calls: list[list[str]] = []

    class Fake:
        def encode(self, texts: list[str]) -> np.ndarray:
            calls.append(list(texts))
            return np.eye(4, dtype=np.float32)[[len(t) % 4 for t in texts]]

    cache = CachingEmbedder(Fake())  # type: ignore[arg-type]
    first = cache.encode(["a", "bb", "a"])
    second = cache.encode(["bb", "ccc"])
    assert calls == [["a", "bb"], ["ccc"]]
    assert np.array_equal(first[0], first[2]) and np.array_equal(first[1], second[0])


@pytest.mark.slow
def test_onnx_export_matches_sentence_transformers() -> None:
    from parallax import embedding

    path = embedding.onnx_path(build=True)
    assert path is not None, "make setup exports the model"
    texts = [
        "Kharkiv is 20 kilometres from the border.",
        "The pier stays closed until at least Friday.",
    ]
    onnx = embedding.OnnxEmbedder(path).encode(texts)
    torch = embedding.TorchEmbedder().encode(texts)
    assert float((onnx * torch).sum(axis=1).min()) > 0.999


def _sentences(pipeline: Pipeline, text: str) -> list[str]:
    [analysis] = pipeline.nlp.analyse([Article("2" * 12, "t", text)], entities=False)
    return [text[s:e] for s, e in analysis.sentences]


def test_a_full_stop_inside_a_quoted_slogan_does_not_end_the_sentence(pipeline: Pipeline) -> None:
    sentences = _sentences(
        pipeline,
        "While the “Fire. We’re on it.” campaign did not appeal to everyone, it was seen widely.\n\n"
        "The council met on Monday. iPhone sales were not discussed.",
    )
    assert sentences[0] == (
        "While the “Fire. We’re on it.” campaign did not appeal to everyone, it was seen widely."
    )
    assert sentences[-1] == "iPhone sales were not discussed.", (
        "a brand in lower case still opens one"
    )


def test_a_party_and_state_or_initials_do_not_end_the_sentence(pipeline: Pipeline) -> None:
    sentences = _sentences(
        pipeline,
        "Mayor Ada Brook and Sen. Tomas Vell (D-Wyo.) ended in a virtual tie on Monday. "
        "He served in the U.S. military for a decade. Then he retired.",
    )
    assert sentences == [
        "Mayor Ada Brook and Sen. Tomas Vell (D-Wyo.) ended in a virtual tie on Monday.",
        "He served in the U.S. military for a decade.",
        "Then he retired.",
    ]


def test_a_title_before_a_name_does_not_end_the_sentence(pipeline: Pipeline) -> None:
    sentences = _sentences(
        pipeline,
        "Vell led for much of the winter, with Sens. Ada Brook and Lena Holt behind him. "
        "Reps. Tom Dale and Ivo Marsh agreed. Lt. Gov. Dan Pike spoke last. The bill went to Dr. Holt.",
    )
    assert _sentences(pipeline, "He rose to the rank of Maj. He served three tours abroad.") == [
        "He rose to the rank of Maj.",
        "He served three tours abroad.",
    ]
    assert sentences == [
        "Vell led for much of the winter, with Sens. Ada Brook and Lena Holt behind him.",
        "Reps. Tom Dale and Ivo Marsh agreed.",
        "Lt. Gov. Dan Pike spoke last.",
        "The bill went to Dr. Holt.",
    ]


def test_an_exclaimed_quote_keeps_its_attribution(pipeline: Pipeline) -> None:
    sentences = _sentences(
        pipeline,
        "“NO DEAL!” Mayor Ada Brook tweeted on Friday. The council met. "
        "“Is that final?” Brook asked. “It is.” He said nothing more for an hour after that.",
    )
    assert "“NO DEAL!” Mayor Ada Brook tweeted on Friday." in sentences
    assert "“Is that final?” Brook asked." in sentences
    assert "He said nothing more for an hour after that." in sentences, (
        "after a full stop the quote's sentence has ended"
    )
    pronoun = _sentences(
        pipeline, "“Is it over?” He said nothing more that night. The council met."
    )
    assert "He said nothing more that night." in pronoun, "a pronoun is no named attribution"


def test_a_bare_attribution_after_a_full_stop_joins_its_quote(pipeline: Pipeline) -> None:
    sentences = _sentences(
        pipeline,
        "“I hope you find the missing files.” Mayor Brook said. "
        "“It is over.” Police said the road would reopen at noon on Friday.",
    )
    assert "“I hope you find the missing files.” Mayor Brook said." in sentences
    assert "Police said the road would reopen at noon on Friday." in sentences


def test_tex_quotes_close_with_two_apostrophes_and_end_their_sentence(pipeline: Pipeline) -> None:
    text = (
        "The talks failed, officials said. ``We are done,'' he said. The port closed. "
        "Ships waited outside. ``We will see,'' she said."
    )
    assert len(_sentences(pipeline, text)) == 5, "a TeX quote's '' closes it, it opens nothing"


def test_layers_multiply_with_numpy_and_find_the_entities_blis_finds(pipeline: Pipeline) -> None:
    from thinc.api import NumpyOps

    from parallax.nlp import NLP

    def nodes(model: NLP) -> list[object]:
        return [
            node
            for _, component in model._nlp.components
            if hasattr(component, "model")
            for node in component.model.walk()
        ]

    fast = pipeline.nlp
    assert nodes(fast) and not any(node.ops.use_blis for node in nodes(fast))  # type: ignore[attr-defined]
    assert fast._nlp.pipe_names == ["sentencizer", "ner"]  # the unused tok2vec is gone
    reference = NLP(fast.package)
    blis = NumpyOps(use_blis=True)
    for node in nodes(reference):
        node.ops = blis  # type: ignore[attr-defined]
    articles, _ = pipeline.read([str(KHARKIV), str(EXAMPLE)])
    assert fast.analyse(articles) == reference.analyse(articles)


def test_blas_thread_limit_holds_only_inside_its_block() -> None:
    from threadpoolctl import threadpool_info

    from parallax.nlp import _one_blas_thread

    def blas() -> list[int]:
        return [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]

    before = blas()
    with _one_blas_thread():
        assert all(n == 1 for n in blas())
    assert blas() == before


def test_an_exclamation_mark_inside_a_name_does_not_end_the_sentence(pipeline: Pipeline) -> None:
    text = (
        "Besides her E! show, Reid starred in films. The annual Black Girls Rock! award show aired. "
        "We waited… and waited. Is it over? Yes. Stop! Now."
    )
    [analysis] = pipeline.nlp.analyse([Article("0" * 12, "t", text)], entities=False)
    assert [text[s:e] for s, e in analysis.sentences] == [
        "Besides her E! show, Reid starred in films.",
        "The annual Black Girls Rock! award show aired.",
        "We waited… and waited.",
        "Is it over?",
        "Yes.",
        "Stop!",
        "Now.",
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="NER workers are forked on Linux")
def test_a_dying_ner_worker_fails_the_call_instead_of_hanging(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax import nlp
    from parallax.errors import ParallaxError

    parse = nlp._parse

    def dying(model: object, texts: list[str], batch_size: int) -> object:
        if any(text.startswith("DIE") for text in texts):
            os._exit(1)  # as the kernel's out-of-memory killer would end it
        return parse(model, texts, batch_size)

    monkeypatch.setattr(nlp, "_parse", dying)
    monkeypatch.setenv("PARALLAX_NER_PROCESSES", "2")
    many = [
        Article(f"{n:012d}", "t", ("DIE " if n == 9 else "") + "Ada Brook said it held. " * 5)
        for n in range(24)
    ]
    with pytest.raises(ParallaxError, match="PARALLAX_NER_PROCESSES=1"):
        pipeline.nlp.analyse(many)
