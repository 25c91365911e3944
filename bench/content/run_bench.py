#!/usr/bin/env python3
"""Recall and precision of the content rules per category on the labelled sets (dev: tuned on;
heldout: never tuned on), through the real binary. Prints a Markdown table and every miss.

    bench/content/run_bench.py --binary build/debug/app/dialogstudio
"""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DIALOGSTUDIO_DB=os.path.join(tmp, "bench.db"),
                   XDG_DATA_HOME=os.path.join(tmp, "xdg"), DIALOGSTUDIO_ACTOR="bench")
        run = score.binary_runner(os.path.abspath(args.binary), env)
        print("| set | sentences (clean) | category | recall | precision | tp | fp | fn |")
        print("|---|---|---|---|---|---|---|---|")
        misses = []
        for name, path in score.SETS.items():
            rows = score.read_set(path)
            table, wrong = score.score(rows, score.check(run, [t for _, t in rows]))
            clean = sum(1 for want, _ in rows if not want)
            for c, r in table.items():
                print(f"| {name} | {len(rows)} ({clean}) | {c} | {r['recall']:.1%} | "
                      f"{r['precision']:.1%} | {r['tp']} | {r['fp']} | {r['fn']} |")
            misses += [(name,) + w for w in wrong]
        print()
        for name, want, got, text, matches in misses:
            print(f"{name}: want {want or '-'} got {got or '-'}: {text}  {matches}")


if __name__ == "__main__":
    main()
