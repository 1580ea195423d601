"""Renderers: a :class:`~parallax.models.Report` as JSON, Markdown or a self-contained HTML page."""

from __future__ import annotations

from typing import Literal, TypeAlias

from parallax.models import Report
from parallax.render.html import render_html
from parallax.render.json import render_json
from parallax.render.markdown import render_markdown

Format: TypeAlias = Literal["md", "json", "html"]
FORMATS: tuple[Format, ...] = ("md", "json", "html")


def render(report: Report, fmt: Format) -> str:
    """The report in one of :data:`FORMATS`."""
    if fmt == "json":
        return render_json(report)
    if fmt == "html":
        return render_html(report)
    if fmt == "md":
        return render_markdown(report)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")


__all__ = ["FORMATS", "Format", "render", "render_html", "render_json", "render_markdown"]
