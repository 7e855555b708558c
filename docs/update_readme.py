"""Rewrite the README's example output from a real run of its Python block.

Usage: python docs/update_readme.py   (tests/test_examples.py fails when they differ)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
OUTPUT_BLOCK = re.compile(r"(Output \(run from the repository root\):\n\n```text\n)(.*?)(```)", re.DOTALL)


def example_output(readme: str) -> str:
    """Run the README's first Python block from the repository root; its stdout."""
    code = PYTHON_BLOCK.search(readme)
    if code is None:
        raise SystemExit("README.md has no ```python block")
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "readme_example.py"
        script.write_text(code.group(1), encoding="utf-8")
        done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def pasted_output(readme: str) -> str:
    block = OUTPUT_BLOCK.search(readme)
    if block is None:
        raise SystemExit("README.md has no 'Output (run from the repository root):' block")
    return block.group(2)


def main() -> None:
    readme = README.read_text(encoding="utf-8")
    output = example_output(readme)
    README.write_text(OUTPUT_BLOCK.sub(lambda m: m.group(1) + output + m.group(3), readme), encoding="utf-8")
    print(output, end="")


if __name__ == "__main__":
    main()
