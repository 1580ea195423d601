"""Shared fixtures: paths to the real data, one loaded pipeline per session, and its reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parallax.models import Report
from parallax.pipeline import Pipeline

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KHARKIV = SHARED / "corpus" / "kharkiv-2024-05"
EXAMPLE = ROOT / "examples" / "harbour-fire"
DATA = Path(__file__).resolve().parent / "data"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not KHARKIV.is_dir():
        skip = pytest.mark.skip(reason=f"{KHARKIV} is missing: check out ../shared beside the repo")
        for item in items:
            if "kharkiv" in item.name or "kharkiv" in str(item.fspath):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline with its models loaded, shared by every test that needs them."""
    return Pipeline()


@pytest.fixture(scope="session")
def kharkiv_report(pipeline: Pipeline) -> Report:
    articles, problems = pipeline.read([str(KHARKIV)])
    assert not problems
    return pipeline.brief(articles, problems)


@pytest.fixture(scope="session")
def example_report(pipeline: Pipeline) -> Report:
    articles, problems = pipeline.read([str(EXAMPLE)])
    assert not problems
    return pipeline.brief(articles, problems)
