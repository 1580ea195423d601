from __future__ import annotations

import subprocess
import sys

import parallax


def test_public_api_is_sorted_and_importable() -> None:
    assert list(parallax.__all__) == sorted(parallax.__all__)
    for name in parallax.__all__:
        assert hasattr(parallax, name), name


def test_importing_the_package_loads_no_model() -> None:
    code = "import sys, parallax; print(any(m in sys.modules for m in ('spacy', 'torch', 'onnxruntime')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "parallax", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert parallax.__version__ in out.stdout
