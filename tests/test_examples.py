"""Every script in examples/ (and the README's Python example) runs and prints real results.

The scripts run as users run them: a fresh interpreter (``sys.executable``), from
another working directory, so that a script that only works from the repository
root fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
EVENT_ROW = re.compile(r"^\s*\d+\s{2}\S")  # "  7  2022-02-24   Since Russian forces ..."
DAY = r"\d{4}-\d{2}-\d{2}"


def _run(script: Path, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{script.name} exited {done.returncode}:\n{done.stderr}"
    assert done.stdout.strip(), f"{script.name} printed nothing"
    return done.stdout


def test_there_are_examples() -> None:
    names = {path.name for path in EXAMPLES}
    assert {"seeds_timeline.py", "tag_known_date.py", "infer_date.py"} <= names


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
def test_example_runs_from_any_directory(script: Path, tmp_path: Path) -> None:
    _run(script, tmp_path)


def test_seeds_timeline_prints_dates_and_events(tmp_path: Path) -> None:
    out = _run(ROOT / "examples" / "seeds_timeline.py", tmp_path)
    assert "000_4dc428acbec87f2f.txt: 2022-03-19" in out  # the Kinzhal article, a Saturday
    assert len(re.findall(rf"90% {DAY}\.\.{DAY}", out)) >= 5  # one interval per seed
    rows = [line for line in out.splitlines() if EVENT_ROW.match(line)]
    assert len(rows) >= 20, out
    assert re.search(r"^\d+ events from 5 documents$", out, re.MULTILINE)


def test_tag_known_date_prints_values_and_intervals(tmp_path: Path) -> None:
    out = _run(ROOT / "examples" / "tag_known_date.py", tmp_path)
    friday = next(line for line in out.splitlines() if line.startswith("'Friday'"))
    assert "DATE" in friday and "2022-03-18" in friday
    assert re.search(rf"{DAY}\.\.{DAY}", out)
    assert "DURATION" in out  # "more than three weeks"


def test_infer_date_prints_day_intervals_and_evidence(tmp_path: Path) -> None:
    out = _run(ROOT / "examples" / "infer_date.py", tmp_path)
    assert re.search(rf"most likely:\s+{DAY}", out)
    assert re.search(rf"90% interval: {DAY}\.\.{DAY}", out)
    assert "evidence" in out and "weekday" in out


def test_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    assert blocks, "README.md has no ```python block"
    script = tmp_path / "readme_example.py"
    script.write_text(blocks[0], encoding="utf-8")
    out = _run(script, ROOT)  # the README runs it from the repository root
    assert len(re.findall(rf"^\d{{3}} {DAY} 90%: {DAY} {DAY}$", out, re.MULTILINE)) == 5


def test_readme_shows_the_real_output() -> None:
    """The output pasted in the README is what its example prints today."""
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        from update_readme import example_output, pasted_output
    finally:
        sys.path.pop(0)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert pasted_output(readme) == example_output(readme), "run: python docs/update_readme.py"


_CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)


def _console_examples() -> list[tuple[str, str, str]]:
    """(page, command, printed output) for doc commands that use only repository files (seeds, examples)."""
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for block in _CONSOLE.findall(page.read_text(encoding="utf-8")):
            for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
                command, _, output = chunk.partition("\n")
                if ("seeds/" in command or "examples/" in command) and output.strip():
                    found.append((page.name, command, output))
    return found


@pytest.mark.parametrize(("page", "command", "output"), _console_examples())
def test_docs_show_the_real_output(page: str, command: str, output: str) -> None:
    # Pasted outputs drift as inference improves; this says which page to refresh.
    bin_dir = Path(sys.executable).parent
    done = subprocess.run(
        command,
        shell=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin"},
    )
    assert done.stdout.strip() == output.strip(), f"docs/{page}: `{command}` now prints:\n{done.stdout}"


def test_docs_have_checked_console_examples() -> None:
    assert len(_console_examples()) >= 2
