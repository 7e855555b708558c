"""Tag the TempEval-3 dev corpus with its document dates and score it.

Usage: python benchmarks/te3_eval.py [GOLD.jsonl] [--out PRED.jsonl] [--errors N]
Prints the scorer's strict/relaxed/type/value figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from timeline.tagger import tag

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", default=str(SHARED / "data" / "te3_tbaq.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "te3_pred.jsonl"))
    parser.add_argument("--errors", type=int, default=0, help="print this many value errors")
    args = parser.parse_args()
    with open(args.gold, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    predictions = []
    for doc in docs:
        mentions = tag(doc["text"], doc["dct"], knowledge=False)
        predictions.append({"id": doc["id"], "timexes": [m.timex() for m in mentions]})
    elapsed = time.perf_counter() - started
    with open(args.out, "w", encoding="utf-8") as handle:
        for record in predictions:
            handle.write(json.dumps(record) + "\n")
    chars = sum(len(d["text"]) for d in docs)
    print(f"tagged {len(docs)} documents, {chars} chars in {elapsed:.2f}s ({chars / elapsed / 1e6:.2f} MB/s)")
    scorer = SHARED / "eval" / "score_timex.py"
    subprocess.run([sys.executable, str(scorer), args.gold, args.out], check=True)
    if args.errors:
        _print_errors(docs, predictions, args.errors)


def _print_errors(docs: list[dict], predictions: list[dict], limit: int) -> None:
    shown = 0
    for doc, pred in zip(docs, predictions, strict=True):
        for gold in doc["timexes"]:
            match = [p for p in pred["timexes"] if p["start"] < gold["end"] and gold["start"] < p["end"]]
            if not match:
                print(f"MISS  {gold['text']!r:35} {gold['type']:9} {gold['value']:12} dct={doc['dct']}")
            elif match[0]["value"] != gold["value"] or match[0]["type"] != gold["type"]:
                p = match[0]
                print(f"VALUE {gold['text']!r:35} gold {gold['type']} {gold['value']:12} got {p['text']!r} {p['type']} {p['value']} dct={doc['dct']}")
            else:
                continue
            shown += 1
            if shown >= limit:
                return


if __name__ == "__main__":
    main()
