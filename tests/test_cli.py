"""The command line: the output shapes users script against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main

SEEDS = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().out


def test_tag_jsonl_with_dct(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks were held on Friday, five days after the attack.", encoding="utf-8")
    status, out = _run(capsys, "tag", str(article), "--dct", "2022-03-18", "--format", "jsonl")
    assert status == 0
    record = json.loads(out.splitlines()[0])
    assert record["id"] == "a.txt"
    friday = record["timexes"][0]
    assert set(friday) >= {"start", "end", "text", "type", "value"}
    assert (friday["text"], friday["type"], friday["value"]) == ("Friday", "DATE", "2022-03-18")


def test_tag_jsonl_record_dct_is_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = tmp_path / "docs.jsonl"
    records.write_text(
        json.dumps({"id": "x", "text": "He arrived yesterday.", "dct": "2020-01-02"}) + "\n", encoding="utf-8"
    )
    status, out = _run(capsys, "tag", str(records), "--format", "jsonl")
    assert status == 0
    record = json.loads(out)
    assert record == {
        "id": "x",
        "timexes": [{"start": 11, "end": 20, "text": "yesterday", "type": "DATE", "value": "2020-01-01"}],
    }


def test_date_jsonl_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "date", SEEDS[0], "--format", "jsonl")
    assert status == 0
    record = json.loads(out)
    publication = record["publication"]
    assert set(publication) >= {"most_likely", "earliest", "latest", "interval_90", "distribution", "evidence"}
    assert publication["most_likely"] == "2022-03-19"
    lo, hi = publication["interval_90"]
    assert lo <= publication["most_likely"] <= hi
    assert abs(sum(publication["distribution"].values()) - 1) < 0.02
    assert publication["evidence"] and {"kind", "description", "influence"} <= set(publication["evidence"][0])


def test_build_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "build", *SEEDS, "--format", "json")
    assert status == 0
    result = json.loads(out)
    assert len(result["documents"]) == 5
    assert len(result["events"]) >= 20
    event = result["events"][0]
    assert set(event) >= {"id", "text", "time", "mentions"}
    assert set(event["time"]) >= {"most_likely", "earliest", "latest", "edtf"}
    assert set(event["mentions"][0]) == {"document", "sentence", "start", "end"}
    likely = [e["time"]["most_likely"] for e in result["events"]]
    assert likely == sorted(likely)


def test_build_table_has_at_least_twenty_dated_rows(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "build", *SEEDS)
    assert status == 0
    rows = [line for line in out.splitlines() if line[:5].strip().isdigit()]
    assert len(rows) >= 20
    assert "2022-03-19" in out


def test_build_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "build", SEEDS[0], "--format", "markdown")
    assert status == 0
    assert out.count("\n| ") >= 5


def test_bad_input_is_a_typed_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["date", str(binary)]) == 2
    assert "binary" in capsys.readouterr().err
    assert main(["tag", str(tmp_path / "missing.txt")]) == 2
    assert main(["tag", SEEDS[0], "--dct", "2022-02-30"]) == 2


def test_no_knowledge_flag(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "date", *SEEDS, "--no-knowledge", "--format", "jsonl")
    assert status == 0
    assert len(out.splitlines()) == 5


def test_utc_timestamp_is_read_in_the_story_time_zone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = tmp_path / "docs.jsonl"
    record = {"id": "x", "text": "Missiles hit Lviv today.", "dct": "2022-03-18T23:30:00Z"}
    records.write_text(json.dumps(record) + "\n", encoding="utf-8")
    status, out = _run(capsys, "tag", str(records), "--format", "jsonl", "--timezone", "Europe/Kyiv")
    assert status == 0
    assert json.loads(out)["timexes"][0]["value"] == "2022-03-19"
    status, out = _run(capsys, "tag", str(records), "--format", "jsonl")
    assert json.loads(out)["timexes"][0]["value"] == "2022-03-18"
    assert main(["tag", str(records), "--timezone", "Mars/Olympus"]) == 2


def test_kind_narrative_anchors_to_the_latest_date_told(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    history = tmp_path / "history.txt"
    history.write_text("On March 3, 1918 the treaty was signed. Two days later the delegates left.", encoding="utf-8")
    status, out = _run(capsys, "tag", str(history), "--dct", "2020-01-01", "--kind", "narrative", "--format", "jsonl")
    assert status == 0
    values = [t["value"] for t in json.loads(out)["timexes"]]
    assert values == ["1918-03-03", "1918-03-05"]
