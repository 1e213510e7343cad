#!/usr/bin/env python3
"""How often a second blind labeller agrees with the committed labels.

tests/fixtures/coach-real-relabel/ holds a second label (ready, raise) for a
random sample of tuning drafts (drafts.txt), made by reading only each
draft and docs/coach-rubric.md. This prints agreement on the ready verdict
and on the two structural errors, with Cohen's kappa.

Usage: python3 scripts/label-agreement.py
"""
import glob
import os
import tomllib

ROOT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures")


def kappa(pairs):
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main():
    rows = []
    for second in sorted(glob.glob(os.path.join(ROOT, "coach-real-relabel", "*.toml"))):
        number = os.path.basename(second)[: -len(".toml")]
        [first] = glob.glob(os.path.join(ROOT, "coach-real", f"{number}-*.toml"))
        with open(first, "rb") as f:
            committed = tomllib.load(f)
        with open(second, "rb") as f:
            again = tomllib.load(f)
        rows.append((number, committed, again))
    print(f"{len(rows)} drafts labelled twice")
    for name, read in [
        ("ready", lambda label: label["ready"]),
        ("beat-missing", lambda label: "beat-missing" in label["raise"]),
        ("evidence-missing", lambda label: "evidence-missing" in label["raise"]),
    ]:
        pairs = [(read(a), read(b)) for _, a, b in rows]
        agreed = sum(a == b for a, b in pairs)
        print(f"{name:17} agree {agreed}/{len(pairs)}  kappa {kappa(pairs):.2f}")
        for (number, a, b), (x, y) in zip(rows, pairs):
            if x != y:
                print(f"    {number}: committed {x}, second {y}")


if __name__ == "__main__":
    main()
