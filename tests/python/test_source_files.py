"""The original source files kept in seeds/external/ are byte-identical to what was published."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from conftest import EXTERNAL_DIR, PROJECT_ROOT, SHARED_DIR


def sources() -> list[dict[str, str]]:
    """The sources catalogue: ref_sources and every monitor's own row (seeds/monitors/<monitor>/)."""
    rows = []
    for path in [PROJECT_ROOT / "seeds" / "reference" / "ref_sources.csv",
                 *sorted((PROJECT_ROOT / "seeds" / "monitors").glob("*/*__source.csv"))]:
        with path.open(newline="", encoding="utf-8") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("source", sources(), ids=lambda s: s["source_id"])
def test_source_file_is_kept_with_its_published_checksum(source):
    path = PROJECT_ROOT / source["file_path"]
    assert path.is_file(), f"{source['source_id']}: {path} is missing"
    assert path.parent == EXTERNAL_DIR / source["source_id"], "each source lives in seeds/external/<source_id>/"
    assert (path.parent / "README.md").is_file(), f"{source['source_id']} has no README"
    assert sha256(path) == source["file_sha256"], f"{path} differs from the file as published"


def test_every_file_in_seeds_external_is_a_declared_source():
    declared = {PROJECT_ROOT / s["file_path"] for s in sources()}
    found = {p for p in EXTERNAL_DIR.glob("*/*") if p.name != "README.md"}
    assert found == declared


@pytest.mark.skipif(not SHARED_DIR.is_dir(), reason="no ../shared beside the project (a bare clone): nothing to compare with")
def test_source_files_equal_the_originals_in_shared():
    originals = {p.name: p for p in list(SHARED_DIR.glob("external/*/*")) + list(SHARED_DIR.glob("sources/*")) if p.suffix != ".md"}
    compared = 0
    for source in sources():
        path = PROJECT_ROOT / source["file_path"]
        if path.name in originals:
            assert sha256(path) == sha256(originals[path.name]), f"{path} differs from {originals[path.name]}"
            compared += 1
    assert compared == len(sources())
