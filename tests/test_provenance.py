"""The provenance verifier, run on every output the tool makes of the real and the bundled stories."""

from __future__ import annotations

import copy
import json

import pytest

from parallax.config import BriefOptions
from parallax.models import Report
from parallax.pipeline import Pipeline, PipelineOptions
from parallax.render import render
from parallax.verify import verify_report

from .conftest import EXAMPLE, KHARKIV


@pytest.mark.parametrize("folder", [KHARKIV, EXAMPLE], ids=["kharkiv", "example"])
@pytest.mark.parametrize("words", [20, 100, 150, 300])
def test_every_span_of_every_brief_checks_out(
    pipeline: Pipeline, folder: object, words: int
) -> None:
    pipe = Pipeline(
        PipelineOptions(brief=BriefOptions(words=words)), pipeline.nlp, pipeline.embedder
    )
    report = pipe.brief(*pipe.read([str(folder)]))
    data = json.loads(render(report, "json"))
    assert verify_report(data) == []
    texts = {a["id"]: a["text"] for a in data["articles"]}
    spans = 0
    for story in data["stories"]:
        for sentence in story["brief"]["sentences"]:
            for c in sentence["citations"]:
                text = texts[c["article_id"]]
                assert 0 <= c["start"] < c["end"] <= len(text)
                assert text[c["start"] : c["end"]].strip() == text[c["start"] : c["end"]]
                spans += 1
    assert spans > 0


def test_verifier_catches_a_moved_span_and_an_edited_sentence(example_report: Report) -> None:
    data = example_report.to_dict()
    moved = copy.deepcopy(data)
    moved["stories"][0]["brief"]["sentences"][0]["citations"][0]["start"] += 3
    edited = copy.deepcopy(data)
    edited["stories"][0]["brief"]["sentences"][1]["text"] += " (and more)"
    outside = copy.deepcopy(data)
    outside["stories"][0]["brief"]["sentences"][0]["citations"][-1]["end"] = 10**6
    assert any("not the text of its first citation" in p for p in verify_report(moved))
    assert any("not the text of its first citation" in p for p in verify_report(edited))
    assert any("outside the article" in p for p in verify_report(outside))


def test_verifier_catches_texts_that_are_not_their_spans(example_report: Report) -> None:
    data = example_report.to_dict()
    story = data["stories"][0]
    assert story["quotes"] and story["discrepancies"] and story["facts"] and story["timeline"]
    edits = {
        "variants[0]: text is not its span's": ("quotes", 0, "variants"),
        "claims[0]: text is not its span's": ("discrepancies", 0, "claims"),
    }
    for message, (key, index, inner) in edits.items():
        edited = copy.deepcopy(data)
        edited["stories"][0][key][index][inner][0]["text"] += " (and more)"
        assert any(message in p for p in verify_report(edited)), message
    for key, message in (
        ("facts", "facts[0]: text is none of its supporting spans'"),
        ("timeline", "timeline[0]: text is none of its supporting spans'"),
        ("quotes", "quotes[0]: text is none of its variants'"),
    ):
        edited = copy.deepcopy(data)
        edited["stories"][0][key][0]["text"] = "Something nobody wrote."
        assert any(message in p for p in verify_report(edited)), key
    assert verify_report(data) == []
