"""The README's "From Python" example runs, and prints what the README says it prints."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MARKER = "<!-- README example:"


def example_and_output(readme: str) -> tuple[str, str]:
    """The python block after the marker and the plain block that follows it."""
    after = readme[readme.index(MARKER):]
    code = re.search(r"```python\n(.*?)```", after, re.S)
    output = re.search(r"```\n(.*?)```", after[code.end():], re.S)
    assert code and output, "the README example or its output block is missing"
    return code.group(1), output.group(1)


def test_readme_python_example_prints_its_documented_output() -> None:
    code, expected = example_and_output((REPO / "README.md").read_text(encoding="utf-8"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected, f"README output is stale; the example now prints:\n{done.stdout}"
