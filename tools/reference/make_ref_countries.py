"""Regenerate seeds/reference/ref_countries.csv (every ISO 3166-1 country) and
seeds/reference/ref_historical_countries.csv (every formerly used name of ISO 3166-3) from pycountry.

Run once per pycountry release and commit the result: the build reads the committed seeds, so the
warehouse never depends on what happens to be installed. The monitors' country crosswalks
(seeds/monitors/<m>/xwalk_<m>__country.csv) point names at these codes. A historical country is
coded by its ISO 3166-3 four-letter code (YUCS), never by the alpha-2 code it had: ISO reassigns
those (CS was Czechoslovakia, then Serbia and Montenegro).

    .venv/bin/python tools/reference/make_ref_countries.py
"""

from __future__ import annotations

import csv
import importlib.metadata
from pathlib import Path

import pycountry

REFERENCE = Path(__file__).resolve().parents[2] / "seeds" / "reference"
OUT = REFERENCE / "ref_countries.csv"
HISTORICAL_OUT = REFERENCE / "ref_historical_countries.csv"


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

    historical = sorted(pycountry.historic_countries, key=lambda c: c.alpha_4)
    with HISTORICAL_OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([
            "country_code", "former_alpha_2", "former_alpha_3", "former_numeric_code", "country_name",
            "withdrawal_date", "comment", "basis",
        ])
        for country in historical:
            writer.writerow([
                country.alpha_4,
                country.alpha_2,
                country.alpha_3,
                getattr(country, "numeric", ""),
                country.name,
                country.withdrawal_date,
                getattr(country, "comment", ""),
                f"ISO 3166-3, from pycountry {version}",
            ])
    print(f"wrote {len(historical)} historical countries to {HISTORICAL_OUT}")


if __name__ == "__main__":
    main()
