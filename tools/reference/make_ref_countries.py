"""Regenerate seeds/reference/ref_countries.csv (every ISO 3166-1 country) from pycountry.

Run once per pycountry release and commit the result: the build reads the committed seed, so the
warehouse never depends on what happens to be installed. The CPJ country-name crosswalk
(seeds/reference/xwalk_cpj__country.csv) points names at these codes.

    .venv/bin/python tools/reference/make_ref_countries.py
"""

from __future__ import annotations

import csv
import importlib.metadata
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[2] / "seeds" / "reference" / "ref_countries.csv"


def main() -> None:
    version = importlib.metadata.version("pycountry")
    rows = sorted(pycountry.countries, key=lambda c: c.alpha_2)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["country_code", "alpha_3", "numeric_code", "country_name", "official_name", "basis"])
        for country in rows:
            writer.writerow([
                country.alpha_2,
                country.alpha_3,
                country.numeric,
                country.name,
                getattr(country, "official_name", ""),
                f"ISO 3166-1, from pycountry {version}",
            ])
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
