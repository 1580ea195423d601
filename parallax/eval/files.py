"""Finding and reading evaluation inputs: every ``parallax eval`` command takes a file or a folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parallax.errors import ParallaxError


def input_files(path: str | Path, suffix: str, example: str) -> list[Path]:
    """``path`` itself if it is a file, else every ``*suffix`` file under it (sorted)."""
    root = Path(path)
    files = [root] if root.is_file() else sorted(root.rglob(f"*{suffix}"))
    if not files:
        raise ParallaxError(f"{path}: no {suffix} files found; {example}")
    return files


def json_lines(path: str | Path, example: str) -> Iterator[tuple[str, Any]]:
    """(``file:line``, parsed object) for every non-blank line of the JSONL files under ``path``."""
    for file in input_files(path, ".jsonl", example):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{file}:{number}"
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ParallaxError(
                    f"{where}: not JSON ({exc.msg}); pass one object per line"
                ) from None
