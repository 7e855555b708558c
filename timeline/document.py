"""Documents and the loaders that make them from files, folders and JSONL."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

import attrs
import pendulum

from timeline.errors import InputError
from timeline.uncertain import UncertainTime

__all__ = [
    "Document",
    "load",
    "load_folder",
    "load_jsonl",
    "load_text",
    "parse_day",
]

#: Documents larger than this are refused rather than silently truncated.
MAX_DOCUMENT_CHARS = 20_000_000


def parse_day(value: str | date, timezone: str | None = None) -> date:
    """A `YYYY-MM-DD` date, or an ISO timestamp, as a calendar day; a clear error otherwise.

    A timestamp with an offset ("2022-03-18T23:30:00Z") is taken in `timezone`
    when given (the story's region: that instant is already 2022-03-19 in
    Kyiv), else on the date it is written with.
    """
    if isinstance(value, datetime):
        return _local_day(value, timezone)
    if isinstance(value, date):
        return value
    text = str(value).strip()
    iso = _iso(text)
    if iso is not None:
        return _local_day(iso, timezone) if isinstance(iso, datetime) else iso
    parsed = _parse_written_date(text)
    if parsed is None:
        raise InputError(f"not a date (YYYY-MM-DD, ISO timestamp or a full written date): {value!r}")
    return _local_day(parsed, timezone)


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")


@functools.lru_cache(maxsize=4096)
def _parse_written_date(text: str) -> datetime | None:
    """Full dates written for people, in any language dateparser knows ("18 mars 2022").

    Metadata only (never the text scan): dateparser is slow, so results are cached,
    and it must find a day, a month and a year, or nothing ("Feb. 30, 2022" is nothing).
    """
    if not text or len(text) > 60:
        return None
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric and int(numeric.group(1)) <= 12 and int(numeric.group(2)) <= 12 and numeric.group(1) != numeric.group(2):
        return None  # 03/04/2022: March 4 or 3 April? refuse rather than guess
    import dateparser

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["custom-formats", "absolute-time"],  # never "yesterday": no hidden today
    }
    return dateparser.parse(text, settings=settings)


def _iso(text: str) -> date | datetime | None:
    try:
        if len(text) > 10 and text[10] in "T ":
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        return date.fromisoformat(text)
    except ValueError:
        return None


def _local_day(moment: datetime, timezone: str | None) -> date:
    if timezone is None or moment.tzinfo is None:
        return moment.date()
    try:
        zone = pendulum.timezone(timezone)
    except Exception as error:  # pendulum raises its own error types for unknown zones
        raise InputError(f"unknown time zone: {timezone!r}") from error
    return moment.astimezone(zone).date()


def _known(publication: UncertainTime | date | str | None) -> UncertainTime | None:
    if publication is None or isinstance(publication, UncertainTime):
        return publication
    return UncertainTime.exact(parse_day(publication))


@attrs.frozen
class Document:
    """One article: its text and, when known, its publication day or window.

    `publication` may be a date, a `YYYY-MM-DD` string or an
    `UncertainTime` window; when given it overrides inference.
    `kind` is `"news"` or `"narrative"` (histories, chronologies), or
    None to let the tagger decide.
    """

    id: str
    text: str = attrs.field(repr=lambda t: f"<{len(t)} chars>")
    publication: UncertainTime | None = attrs.field(default=None, converter=_known)
    source: str | None = None
    kind: str | None = None

    @text.validator
    def _check_text(self, _attribute: attrs.Attribute, value: str) -> None:
        if not isinstance(value, str):
            raise InputError(f"document {self.id!r}: text must be str, not {type(value).__name__}")
        if len(value) > MAX_DOCUMENT_CHARS:
            raise InputError(f"document {self.id!r} has {len(value)} characters (limit {MAX_DOCUMENT_CHARS})")


def _decode(raw: bytes, origin: str) -> str:
    if b"\x00" in raw[:65536]:
        raise InputError(f"{origin}: looks binary (NUL bytes), not a text article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 100):
            raise InputError(f"{origin}: not UTF-8 or Windows-1252 text") from None
        return text


def load_text(path: str | Path, publication: date | str | None = None) -> Document:
    """A `.txt` file as a document whose id is the file name."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from error
    return Document(path.name, _decode(raw, str(path)), publication, source=str(path))


def load_jsonl(path: str | Path, timezone: str | None = None) -> Iterator[Document]:
    """Records `{"id", "text", "dct"?}`, one per line, streamed.

    `dct` may be a date or an ISO timestamp; timestamps are taken in
    `timezone` when given (see `parse_day`).
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from error
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(_decode(line, where))
            except json.JSONDecodeError as error:
                raise InputError(f"{where}: invalid JSON ({error.msg})") from error
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f"{where}: a record needs a string 'text'")
            dct = record.get("dct") or record.get("publication")
            try:
                if isinstance(dct, str):
                    dct = parse_day(dct, timezone)
                doc = Document(
                    str(record.get("id", f"{path.name}:{number}")),
                    record["text"],
                    dct,
                    source=where,
                    kind=record.get("kind"),
                )
            except InputError as error:
                raise InputError(f"{where}: {error}") from error
            yield doc


def load_folder(path: str | Path, pattern: str = "*.txt") -> list[Document]:
    """Every matching file of a folder, in name order."""
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(f"not a folder: {folder}")
    return [load_text(p) for p in sorted(folder.glob(pattern)) if p.is_file()]


def load(paths: Iterable[str | Path], timezone: str | None = None) -> Iterator[Document]:
    """Documents from any mix of `.txt` files, `.jsonl` files and folders."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            yield from load_folder(path)
        elif path.suffix == ".jsonl":
            yield from load_jsonl(path, timezone)
        else:
            yield load_text(path)
