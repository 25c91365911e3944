#!/usr/bin/env python3
"""docs/RULES.md cannot rot: every function it names is defined in the file it names, and every
test it names is a test in its test file.

    check_rules.py SOURCE_DIR            checks SOURCE_DIR/docs/RULES.md
    check_rules.py SOURCE_DIR --self-test also shows that a broken row is caught

Exit 0 when every row holds; 1 with one line per broken row otherwise.
"""
import os
import re
import sys
import tempfile


def rows(text):
    """The table's rows after its header: [(line number, [rule, source, function, test])]."""
    out = []
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("|"):
            in_table = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0].lower() == "rule":
            in_table = True
            continue
        if in_table and not all(re.fullmatch(r":?-+:?", c) for c in cells):
            out.append((number, cells))
    return out


def defines(source, name):
    """True when `name` (Class::method or a free function) is defined in the C++ source."""
    body = re.escape(name)
    # A definition: the name, its parameters, then (after qualifiers) an opening brace or a
    # constructor's initialiser list; never a mere call ending in ';'.
    pattern = re.compile(r"(?<![\w:.>])" + body + r"\s*\([^;{]*?\)\s*(const\s*)?(noexcept\s*)?"
                         r"(->\s*[\w:<>, ]+\s*)?[{:]", re.S)
    return pattern.search(source) is not None


def has_test(source, path, name):
    if path.endswith(".py"):
        test = name.split(".")[-1]
        return re.search(r"^\s*def\s+" + re.escape(test) + r"\s*\(", source, re.M) is not None
    if "." not in name:
        return False
    suite, test = name.split(".", 1)
    return re.search(r"\bTEST(_F|_P)?\s*\(\s*" + re.escape(suite) + r"\s*,\s*" +
                     re.escape(test) + r"\s*\)", source) is not None


def read(root, path):
    full = os.path.join(root, path)
    if not os.path.isfile(full):
        return None
    with open(full, encoding="utf-8") as f:
        return f.read()


def check(root, rules_path):
    with open(rules_path, encoding="utf-8") as f:
        text = f.read()
    problems = []
    table = rows(text)
    if not table:
        problems.append(f"{rules_path}: no table with a 'rule | source | function | test' header")
    for number, cells in table:
        where = f"{os.path.basename(rules_path)}:{number}"
        if len(cells) != 4 or not all(cells):
            problems.append(f"{where}: a row needs four filled cells: rule | source | function | test")
            continue
        rule, _, function, tests = cells
        path, _, name = function.strip("`").partition(":")
        source = read(root, path)
        if not name:
            problems.append(f"{where}: function '{function}' is not written as file:Name")
        elif source is None:
            problems.append(f"{where}: function file '{path}' does not exist")
        elif not defines(source, name):
            problems.append(f"{where}: '{name}' is not defined in {path}")
        for test in (t.strip().strip("`") for t in tests.split(";")):
            tpath, _, tname = test.partition(":")
            tsource = read(root, tpath)
            if not tname:
                problems.append(f"{where}: test '{test}' is not written as file:Suite.Name")
            elif tsource is None:
                problems.append(f"{where}: test file '{tpath}' does not exist")
            elif not has_test(tsource, tpath, tname):
                problems.append(f"{where}: test '{tname}' is not in {tpath}")
    return len(table), problems


def self_test(root, rules_path):
    """A table with a renamed function and a renamed test must fail, naming both."""
    with open(rules_path, encoding="utf-8") as f:
        text = f.read()
    count, problems = check(root, rules_path)
    if problems or count == 0:
        return False
    broken = text.replace(":RequestStore::extend |", ":RequestStore::extendLater |", 1)
    broken = broken.replace("StartNeedsTheChecklistUnlessForced", "StartNeedsNothing", 1)
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as f:
        f.write(broken)
        name = f.name
    try:
        _, found = check(root, name)
    finally:
        os.unlink(name)
    caught = (any("RequestStore::extendLater" in p for p in found) and
              any("StartNeedsNothing" in p for p in found) and len(found) == 2)
    print(f"self-test: {len(found)} broken rows caught" + ("" if caught else f": {found}"))
    return caught


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = sys.argv[1]
    rules_path = os.path.join(root, "docs", "RULES.md")
    count, problems = check(root, rules_path)
    for p in problems:
        print(p)
    print(f"{count} rules, {len(problems)} problems")
    ok = not problems and count > 0
    if "--self-test" in sys.argv[2:]:
        ok = self_test(root, rules_path) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
