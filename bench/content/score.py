"""Scores the content rules on a labelled set through the real binary: `dialogstudio content
check --json` over the texts, compared with the labels, per category (recall, precision) and
the sentences it gets wrong. Used by bench/content/run_bench.py and tests/e2e/test_content_check.py.
"""
import json
import os
import subprocess

CATEGORIES = ("sara", "politik", "hinaan")
HERE = os.path.dirname(os.path.abspath(__file__))
SETS = {"dev": os.path.join(HERE, "dev.tsv"), "heldout": os.path.join(HERE, "heldout.tsv")}


def read_set(path):
    """[(labels: set, text)] from a TSV of 'labels<TAB>text' ('-' = clean, '#' comments)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            labels, sep, text = line.partition("\t")
            if not sep or not text:
                raise ValueError(f"{path} line {n}: expected 'labels<TAB>text'")
            got = set() if labels == "-" else set(labels.split(","))
            unknown = got - set(CATEGORIES)
            if unknown:
                raise ValueError(f"{path} line {n}: unknown label {sorted(unknown)}")
            rows.append((got, text))
    return rows


def check(run, texts):
    """Runs the binary (run(args, stdin) -> stdout) once over all texts; one result per text."""
    out = json.loads(run(["--json", "content", "check"], "\n".join(texts) + "\n"))
    if len(out) != len(texts):
        raise AssertionError(f"{len(texts)} texts in, {len(out)} results out")
    return out


def score(rows, results):
    """Per category: tp, fp, fn, recall, precision; and the rows it got wrong."""
    table = {}
    for c in CATEGORIES:
        tp = sum(1 for (want, _), r in zip(rows, results) if c in want and c in r["categories"])
        fp = sum(1 for (want, _), r in zip(rows, results) if c not in want and c in r["categories"])
        fn = sum(1 for (want, _), r in zip(rows, results) if c in want and c not in r["categories"])
        table[c] = {"tp": tp, "fp": fp, "fn": fn,
                    "recall": tp / (tp + fn) if tp + fn else 1.0,
                    "precision": tp / (tp + fp) if tp + fp else 1.0}
    wrong = [(sorted(want), r["categories"], text, r["matches"])
             for (want, text), r in zip(rows, results) if set(r["categories"]) != want]
    return table, wrong


def binary_runner(binary, env):
    def run(args, stdin):
        proc = subprocess.run([binary] + args, input=stdin, capture_output=True, text=True,
                              env=env, timeout=300)
        if proc.returncode != 0:
            raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
        return proc.stdout
    return run
