"""A second, independent coding of the mappings that take judgment, and how far it agrees.

Each file of tests/data/second_codings/ is a second coder's code for every label of one mapping
seed (the first coding), made from the written rule and the vocabulary alone, without seeing the
seed's codes. This test measures the agreement (share of labels and Cohen's kappa) and fails when
a label of the seed has no second code (a new label is coded twice before it ships) or when the two
codings disagree on a label and the file does not say how the disagreement was resolved.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

SECOND_CODINGS = PROJECT_ROOT / "tests" / "data" / "second_codings"

# second coding file -> (the mapping seed, its coded column)
MAPPINGS = {
    "cpj__charge.csv": ("seeds/monitors/cpj/xwalk_cpj__charge.csv", "arbitrariness_category_code"),
    "article19_mx__victim_role.csv": ("seeds/monitors/article19_mx/xwalk_article19_mx__victim_role.csv", "role_code"),
}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two coders over the same items: (observed - chance) / (1 - chance)."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[c] * second[c] for c in first.keys() | second.keys()) / (n * n)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def test_kappa_is_the_textbook_value():
    # two coders, 10 items: 7 agreements; first says yes 6 times, second 5 times
    pairs = [("y", "y")] * 4 + [("n", "n")] * 3 + [("y", "n")] * 2 + [("n", "y")]
    assert cohen_kappa(pairs) == pytest.approx((0.7 - 0.5) / 0.5)
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1.0


@pytest.mark.parametrize("name", sorted(MAPPINGS))
def test_the_second_coding_covers_the_mapping_and_every_disagreement_is_resolved(name):
    seed_path, column = MAPPINGS[name]
    first = {row["source_label"]: row[column] for row in read(PROJECT_ROOT / seed_path)}
    second = {row["source_label"]: row for row in read(SECOND_CODINGS / name)}
    assert set(second) == set(first), (
        f"labels coded once only: {sorted(set(first) - set(second))}; second codes of no label: {sorted(set(second) - set(first))}")
    pairs = [(first[label], second[label]["second_code"]) for label in first]
    disagreements = {label: (first[label], row["second_code"]) for label, row in second.items() if row["second_code"] != first[label]}
    agreed = len(pairs) - len(disagreements)
    print(f"\n{name}: {agreed} of {len(pairs)} labels agree, Cohen's kappa {cohen_kappa(pairs):.2f};"
          f" disagreements {disagreements}")
    unresolved = [label for label in disagreements if not second[label]["resolution"].strip()]
    assert not unresolved, f"disagreements without a resolution in {name}: {unresolved}"
