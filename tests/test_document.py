"""Documents and their loaders: text files, folders and JSONL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import document
from timeline.document import Document, load, load_folder, load_jsonl, load_text, parse_day
from timeline.errors import InputError
from timeline.uncertain import UncertainTime

ARTICLE = "Russian forces shelled Mariupol on Friday, officials said.\n"


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


# --- Document ---------------------------------------------------------------------------


def test_document_publication_forms() -> None:
    assert Document("a", "x").publication is None
    expected = UncertainTime.exact(date(2022, 3, 18))
    assert Document("a", "x", "2022-03-18").publication == expected
    assert Document("a", "x", date(2022, 3, 18)).publication == expected
    window = UncertainTime.uniform(date(2022, 3, 1), date(2022, 3, 31))
    assert Document("a", "x", window).publication is window


@pytest.mark.parametrize("text", [None, b"bytes", 42, ["a list"]])
def test_document_rejects_non_str_text(text: object) -> None:
    with pytest.raises(InputError, match="text must be str"):
        Document("a", text)  # type: ignore[arg-type]


def test_document_rejects_bad_publication() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        Document("a", "x", "last Friday")


def test_document_rejects_oversized_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "MAX_DOCUMENT_CHARS", 10)
    with pytest.raises(InputError, match="limit 10"):
        Document("a", "x" * 11)


def test_document_repr_hides_text() -> None:
    assert "shelled" not in repr(Document("a", ARTICLE))


@pytest.mark.parametrize(
    ("value", "day"),
    [("2022-03-18", date(2022, 3, 18)), (" 2022-03-18T10:00:00Z", date(2022, 3, 18)), (date(2022, 3, 18), date(2022, 3, 18))],
)
def test_parse_day(value: str | date, day: date) -> None:
    assert parse_day(value) == day


@pytest.mark.parametrize("value", ["", "03/04/2022", "2022-02-30", "March 18"])
def test_parse_day_rejects(value: str) -> None:
    with pytest.raises(InputError):
        parse_day(value)


# --- text files and folders -----------------------------------------------------------------


def test_load_text(tmp_path: Path) -> None:
    path = tmp_path / "mariupol.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = load_text(path, "2022-03-18")
    assert (doc.id, doc.text, doc.source) == ("mariupol.txt", ARTICLE, str(path))
    assert doc.publication == UncertainTime.exact(date(2022, 3, 18))
    assert load_text(str(path)).publication is None


def test_load_text_strips_bom_and_reads_cp1252(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffSaturday’s attacks".encode())
    assert load_text(bom).text == "Saturday’s attacks"
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Saturday’s attacks".encode("cp1252"))
    assert load_text(legacy).text == "Saturday’s attacks"


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert load_text(path).text == ""


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        load_text(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_text(tmp_path / "nowhere.txt")


def test_load_folder_in_name_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"text of {name}", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    docs = load_folder(tmp_path)
    assert [(d.id, d.text) for d in docs] == [("a.txt", "text of a.txt"), ("b.txt", "text of b.txt")]
    assert [d.id for d in load_folder(tmp_path, "*.md")] == ["c.md"]


def test_load_folder_rejects_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        load_folder(path)


# --- JSONL -------------------------------------------------------------------------------


def test_load_jsonl_with_and_without_dct(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "news.jsonl",
        {"id": "dated", "text": ARTICLE, "dct": "2022-03-18"},
        {"id": "undated", "text": "On Monday talks resumed."},
        {"id": 7, "text": "x", "publication": "2022-03-19", "kind": "narrative"},
    )
    docs = list(load_jsonl(path))
    assert [d.id for d in docs] == ["dated", "undated", "7"]
    assert docs[0].publication == UncertainTime.exact(date(2022, 3, 18))
    assert docs[1].publication is None
    assert (docs[2].publication, docs[2].kind) == (UncertainTime.exact(date(2022, 3, 19)), "narrative")
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_load_jsonl_skips_blank_lines_and_names_records_without_id(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('\n{"text": "a"}\n   \n{"text": "b"}\n', encoding="utf-8")
    assert [d.id for d in load_jsonl(path)] == ["feed.jsonl:2", "feed.jsonl:4"]


def test_load_jsonl_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "ok", "text": "a"}\n{not json\n', encoding="utf-8")
    stream = load_jsonl(path)
    assert next(stream).id == "ok"
    with pytest.raises(InputError):
        next(stream)


def test_bad_json_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "ok", "text": "a"}\n\n{"id": "broken", "text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"feed\.jsonl:3: invalid JSON"):
        list(load_jsonl(path))


@pytest.mark.parametrize(
    "line",
    ['[1, 2]', '"just a string"', '{"id": "x"}', '{"id": "x", "text": 5}', '{"text": null}'],
)
def test_records_without_text_are_refused(tmp_path: Path, line: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"feed\.jsonl:1: a record needs a string 'text'"):
        list(load_jsonl(path))


def test_bad_dct_names_file_and_line(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "feed.jsonl", {"text": "a"}, {"text": "b", "dct": "2022-02-30"})
    with pytest.raises(InputError, match=r"feed\.jsonl:2: .*2022-02-30"):
        list(load_jsonl(path))


def test_binary_jsonl_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "a\x00b"}\n')
    with pytest.raises(InputError, match=r"feed\.jsonl:1: looks binary"):
        list(load_jsonl(path))


def test_empty_jsonl_has_no_documents(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"")
    assert list(load_jsonl(path)) == []


def test_missing_jsonl_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(load_jsonl(tmp_path / "nowhere.jsonl"))


# --- mixed inputs ------------------------------------------------------------------------


def test_load_mixes_files_folders_and_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "one.txt").write_text("one", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("single", encoding="utf-8")
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "j", "text": "from jsonl"})
    assert [d.id for d in load([folder, single, str(feed)])] == ["one.txt", "single.txt", "j"]


def test_written_metadata_dates_and_no_hidden_today() -> None:
    from timeline.document import parse_day

    assert parse_day("18 mars 2022").isoformat() == "2022-03-18"
    assert parse_day("March 18, 2022").isoformat() == "2022-03-18"
    assert parse_day("2022-03-18T23:30:00Z", "Europe/Kyiv").isoformat() == "2022-03-19"
    for relative_or_bad in ("yesterday", "today", "2 days ago", "Feb. 30, 2022", "March 2022", "\x00\x01"):
        with pytest.raises(InputError):
            parse_day(relative_or_bad)
