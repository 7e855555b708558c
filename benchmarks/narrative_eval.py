"""Tag the narrative-history dev set and score it, as narrative and with kind detection.

Usage: python benchmarks/narrative_eval.py [GOLD.jsonl] [--out-dir DIR] [--errors N] [--no-knowledge]

The gold set (benchmarks/data/narrative_dev.jsonl) is original Wikipedia-style
history prose (Roman Republic to the Space Race), annotated with TIMEX3 as
TempEval-3 applied the TimeML guidelines. Its document date (2010-05-01) is a
retrieval date, irrelevant to most values. Conventions where the corpora differ:

* BC years carry a "BC" prefix on the four-digit year, as in the TIDES/TIMEX2
  standard that WikiWars follows: "44 BC" -> BC0044, "15 March 44 BC" ->
  BC0044-03-15, "the 60s BC" -> BC006, "the 5th century BC" -> BC04 (no
  astronomical year 0). "AD 14" -> 0014.
* Decades and centuries by their leading digits: "the 1950s" -> 195,
  "the 20th century" -> 19; "early", "mid-", "late" become mod START/MID/END
  and leave the value alone ("late 1916" -> 1916, END).
* Seasons SP/SU/FA/WI; "the winter of 1941-42" -> 1941-WI (the winter that
  begins in the first year). Parts of day MO/AF/EV/NI ("dawn" -> TMO,
  "the night of 23-24 August" -> the first night, ...-23TNI).
* Relative dates resolve against the running narrative time (the latest
  explicit date before them), at the granularity they name: "the following
  day" a day, "a week later" an ISO week, "two months earlier" a month,
  "the previous year" a year. "the end of the month" keeps the month (mod END).
* Extents exclude leading prepositions (on, in, by, from, within) but keep
  determiners and modifiers ("the following year", "early July"); a time and a
  date joined by "on" are two timexes ("noon" / "15 August"); ranges are two
  timexes ("from 1939 to 1945").
* Durations as ISO periods (P6W, PT48H, PXW for "weeks"); "a month-long"
  siege -> "month-long", P1M; LESS_THAN/MORE_THAN/APPROX for "almost",
  "more than", "about". Sets: "each winter" -> XXXX-WI, "each day" -> P1D.
* Name-like phrases are not timexes ("the Hundred Days", "the Ten-Day War",
  "the Seven Days Battles"); "today" meaning nowadays is PRESENT_REF.

The scorer compares type and value only; "mod" is recorded for reference.
Predictions go to benchmarks/out/narrative_<mode>.jsonl.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from timeline.anchor import detect_kind
from timeline.tagger import scan, tag

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_timex.py"
MODES = {"narrative": "narrative", "detected": None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "gold", nargs="?", default=str(ROOT / "benchmarks" / "data" / "narrative_dev.jsonl")
    )
    parser.add_argument("--out-dir", default=str(ROOT / "benchmarks" / "out"))
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per mode")
    parser.add_argument(
        "--no-knowledge", action="store_true", help="tag without the shipped event knowledge base"
    )
    args = parser.parse_args()
    with open(args.gold, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    _print_kinds(docs)
    for mode, kind in MODES.items():
        predictions = [_predict(doc, kind, not args.no_knowledge) for doc in docs]
        out = Path(args.out_dir) / f"narrative_{mode}.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as handle:
            for record in predictions:
                handle.write(json.dumps(record) + "\n")
        print(f"\n=== kind={kind or 'detected'} ({len(docs)} documents) ===", flush=True)
        subprocess.run([sys.executable, str(SCORER), args.gold, str(out)], check=True)
        if args.errors:
            _print_errors(docs, predictions, args.errors)


def _predict(doc: dict, kind: str | None, knowledge: bool) -> dict:
    mentions = tag(doc["text"], doc["dct"], kind=kind, knowledge=knowledge)
    return {"id": doc["id"], "timexes": [m.timex() for m in mentions]}


def _print_kinds(docs: list[dict]) -> None:
    kinds = {doc["id"]: detect_kind(scan(doc["text"])) for doc in docs}
    tally = Counter(kinds.values())
    print("detected kind: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))
    for doc_id, kind in kinds.items():
        if kind != "narrative":
            print(f"  {doc_id}: {kind}")


def _scorer() -> ModuleType:
    """The shared scorer as a module, for its one-to-one gold/prediction pairing."""
    spec = importlib.util.spec_from_file_location("score_timex", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _print_errors(docs: list[dict], predictions: list[dict], limit: int) -> None:
    """Misses, extent errors, type/value errors and false positives, paired as the scorer pairs them."""
    match = _scorer().match
    rows: list[tuple[str, str]] = []
    for doc, pred in zip(docs, predictions, strict=True):
        gold_tx, pred_tx = doc["timexes"], pred["timexes"]
        strict, relaxed = match(gold_tx, pred_tx)
        paired = dict(relaxed)
        exact = set(strict)
        for i, g in enumerate(gold_tx):
            if i not in paired:
                rows.append(("MISS", f"{g['text']!r:38} {g['type']:8} {g['value']}"))
                continue
            p = pred_tx[paired[i]]
            wrong = p.get("type") != g["type"] or p.get("value") != g["value"]
            if (i, paired[i]) not in exact:
                rows.append(("EXTENT", _pair(g, p)))
            elif wrong:
                rows.append(("VALUE", _pair(g, p)))
        for j in set(range(len(pred_tx))) - set(paired.values()):
            p = pred_tx[j]
            rows.append(
                ("FALSE+", f"{p['text']!r:38} {p.get('type')} {p.get('value')}  [{doc['id']}]")
            )
    print(f"errors: {', '.join(f'{k} {n}' for k, n in Counter(k for k, _ in rows).most_common())}")
    for label, line in rows[:limit]:
        print(f"{label:6} {line}")


def _pair(gold: dict, pred: dict) -> str:
    mark = (
        ""
        if (pred.get("type"), pred.get("value")) == (gold["type"], gold["value"])
        else "  <- value"
    )
    return (
        f"{gold['text']!r:38} {gold['type']:8} {gold['value']:14} got {pred['text']!r} "
        f"{pred.get('type')} {pred.get('value')}{mark}"
    )


if __name__ == "__main__":
    main()
