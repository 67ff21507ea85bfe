"""The README's recipes as the README writes them: its fenced code blocks are read from README.md
(a test breaks when the README drifts), and run in a disposable project copy with the working
directory at the copy's root, so `warehouse/jsi.duckdb` and every other relative path in them is
the copy's, never the working tree's."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from conftest import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def code_block(language: str, containing: str) -> str:
    """The one fenced `language` block of README.md whose text contains `containing`."""
    blocks = [body for lang, body in FENCE.findall(README.read_text(encoding="utf-8"))
              if lang == language and containing in body]
    assert len(blocks) == 1, f"README.md has {len(blocks)} {language} blocks containing {containing!r}, expected 1"
    return blocks[0]


def readme_text() -> str:
    return README.read_text(encoding="utf-8")


def recipe_env() -> dict[str, str]:
    """The environment of a person following the README in a fresh shell: dbt and mf find
    profiles.yml and dbt_project.yml in the working directory, the Makefile's default warehouse
    path applies, and no external register is read."""
    env = dict(os.environ)
    for name in ("JSI_WAREHOUSE", "JSI_EXTERNAL_REGISTER", "DBT_PROFILES_DIR", "DBT_PROJECT_DIR", "MAKEFLAGS", "MAKELEVEL"):
        env.pop(name, None)
    env.update({"DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "NO_COLOR": "1"})
    return env


def with_installed_toolchain(root: Path) -> None:
    """Make the copy's `.venv` say its toolchains are installed, as `make test` leaves it (its pytest
    target installs every extra first), so that `make metrics`, `make docs` and `make export` in a
    recipe run nothing but their own steps. The copy's `.venv` (a link to the working tree's) becomes
    a directory of links to the same environment with stamps of its own: whatever the stamps of the
    shared environment say, a recipe never installs into it."""
    venv = root / ".venv"
    if not venv.is_symlink():
        return
    shared = venv.resolve()
    venv.unlink()
    venv.mkdir()
    for entry in shared.iterdir():
        if not entry.name.startswith(".installed"):
            (venv / entry.name).symlink_to(entry)
    stamps = sorted(shared.glob(".installed*"), key=lambda p: p.name != ".installed")  # .installed first
    for stamp in stamps:
        (venv / stamp.name).touch()
    assert (venv / "bin" / "mf").exists(), "MetricFlow is not installed: make metrics"


def run_recipe(script: str, root: Path, stdin: str | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run a recipe as a bash script in `root`, stopping at the first failing command."""
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=root, env=recipe_env(), input=stdin,
                          capture_output=True, text=True, timeout=timeout)
