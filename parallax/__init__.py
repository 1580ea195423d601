"""parallax: many outlets' reports of one story in, one verified, cited account out.

::

    from parallax import brief_paths
    report = brief_paths(["articles/"])
    for story in report.stories:
        print(story.title, [s.text for s in story.brief.sentences])
"""

from __future__ import annotations

__version__ = "0.1.0"

from parallax.config import BriefOptions, ClusterOptions, IngestOptions
from parallax.errors import InputError, ParallaxError
from parallax.models import Article, Brief, BriefSentence, Problem, Report, Span, Story
from parallax.pipeline import Pipeline, PipelineOptions, brief_paths

__all__ = [
    "Article",
    "Brief",
    "BriefOptions",
    "BriefSentence",
    "ClusterOptions",
    "IngestOptions",
    "InputError",
    "ParallaxError",
    "Pipeline",
    "PipelineOptions",
    "Problem",
    "Report",
    "Span",
    "Story",
    "__version__",
    "brief_paths",
]
