"""JSON output: the report's dictionary, as documented in docs/schema.md and parallax/schema/."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from parallax.models import Report


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema that every report validates against."""
    text = resources.files("parallax").joinpath("schema/report.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
