"""Write-audit-publish of the warehouse file, one run at a time: `make build`, `make append` and
`make rollback` run here.

    publish.py build      dbt builds and tests into a staging file, then publishes it
    publish.py append     the same, from a copy of the published file, for the new load batches
                          of $JSI_EXTERNAL_REGISTER (incremental models, row tests on the new batches)
    publish.py rollback   puts the previously published file back

The warehouse is $JSI_WAREHOUSE (default warehouse/jsi.duckdb).
- One lock, <warehouse>.lock (an flock, released by the kernel when the run ends, even killed),
  covers the three: a second run stops at once with a message naming the lock and the run that
  holds it (--wait SECONDS waits for it instead).
- The staging file is <warehouse>.building, the lock holder's; a staging file left by a killed
  run is removed by the next run that takes the lock (none can be in use then). Its name is the
  same from run to run, so the dbt profile is too, and an append reuses dbt's parse of the project
  (the watermark reaches dbt in JSI_APPEND_AFTER_LOAD_BATCH, read at run time, not as a var).
- Only a build whose every test passed is published, by an atomic rename; readers of the old file
  keep it. Just before, the published file becomes <warehouse>.previous (a hard link, renamed into
  place): .previous is always the last good published file, and rollback puts it back.
- A failed run leaves the published file and .previous byte-identical, and removes its staging file.
"""

from __future__ import annotations

import argparse
import csv
import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import register_batches  # tools/, beside this file

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


class PublishError(SystemExit):
    """A run that stops: the message says why and what to do."""


def paths(warehouse: Path) -> dict[str, Path]:
    name = warehouse.name
    return {"lock": warehouse.with_name(f"{name}.lock"), "previous": warehouse.with_name(f"{name}.previous"),
            "staging": warehouse.with_name(f"{name}.building")}


def take_lock(lock: Path, wait: float) -> int:
    """The lock for this run (a file descriptor); stops, naming the holder, when another run has it."""
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another run"
                os.close(fd)
                raise PublishError(
                    f"{lock} is held by {holder}: a build, append or rollback of this warehouse is running. "
                    "Wait for it to finish and run again (or pass --wait SECONDS)."
                ) from None
            time.sleep(1)
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} ({' '.join(sys.argv[1:2]) or 'run'} since {time.strftime('%H:%M:%S')})\n".encode(), 0)
    return fd


def remove_stale_staging(warehouse: Path) -> None:
    """Staging files of runs that were killed (none can be running: this run holds the lock)."""
    for stale in warehouse.parent.glob(f"{warehouse.name}.building*"):
        stale.unlink()
        print(f"removed {stale}, left by a run that did not finish")


def dbt(args: list[str], staging: Path, warehouse: Path, extra_env: dict[str, str] | None = None) -> None:
    """dbt on the staging file; stops (the published file untouched) when it fails."""
    result = subprocess.run([str(BIN / "dbt"), *args], cwd=PROJECT_ROOT,
                            env=dict(os.environ, JSI_WAREHOUSE=str(staging), **(extra_env or {})))
    if result.returncode != 0:
        raise PublishError(f"dbt {args[0]} failed (exit {result.returncode}): nothing published, {warehouse} is unchanged")


def publish(staging: Path, warehouse: Path, previous: Path) -> None:
    """The tested staging file becomes the published one; the published one becomes .previous."""
    if staging.with_name(staging.name + ".wal").exists():
        raise PublishError(f"unexpected write-ahead log beside {staging}: not publishing")
    if warehouse.exists():
        link = previous.with_name(f"{previous.name}-{os.getpid()}")
        link.unlink(missing_ok=True)
        os.link(warehouse, link)
        os.replace(link, previous)
    os.replace(staging, warehouse)
    print(f"published {warehouse}")


def not_utf8(path: Path) -> str | None:
    """Where a CSV file is not UTF-8 text (file, line, column, the bytes), or None. dbt reads every
    CSV under seeds/ as UTF-8 while it parses the project, before any check of ours can run, and
    stops with a traceback that names no file: so the files are read here first."""
    content = path.read_bytes()
    try:
        content.decode("utf-8")
        return None
    except UnicodeDecodeError as error:
        line_start = content.rfind(b"\n", 0, error.start) + 1
        line_number = content.count(b"\n", 0, error.start) + 1
        line_end = content.find(b"\n", error.start)
        line = content[line_start: line_end if line_end != -1 else len(content)].decode("latin-1")
        header = content[: content.find(b"\n")].decode("utf-8", errors="replace").strip().split(",")
        fields = next(csv.reader([line]), [])
        offset, column = error.start - line_start, "?"
        position = 0
        for index, field in enumerate(fields):  # the field that holds the byte (quotes ignored)
            position += len(field) + 1
            if offset < position:
                column = header[index] if index < len(header) else f"field {index + 1}"
                value = field
                break
        else:
            value = line
        return (f"{path.relative_to(PROJECT_ROOT)}, line {line_number}, column {column}: value '{value}' holds bytes "
                f"that are not UTF-8 ({content[error.start:error.end].hex(' ')}, e.g. Latin-1): save the file as UTF-8")


def check_encodings() -> None:
    """Every CSV file under seeds/ (the seeds and the monitors' exports) is UTF-8, or nothing runs."""
    problems = [found for path in sorted((PROJECT_ROOT / "seeds").rglob("*.csv")) if (found := not_utf8(path))]
    if problems:
        raise PublishError(f"Input validation failed ({len(problems)} problem(s)); nothing was loaded:\n  - "
                           + "\n  - ".join(problems))


def check_register(warehouse: Path | None) -> None:
    """The external register's batches (tools/register_batches.py), when JSI_EXTERNAL_REGISTER names one;
    for an append, against the published warehouse."""
    register = os.environ.get("JSI_EXTERNAL_REGISTER")
    if not register:
        return
    problems = register_batches.check(Path(register), warehouse)
    if problems:
        raise PublishError(f"Register validation failed ({len(problems)} problem(s)); nothing was loaded:\n  - "
                           + "\n  - ".join(problems))


def build(warehouse: Path, staging: Path) -> None:
    check_encodings()
    check_register(None)
    if (PROJECT_ROOT / "packages.yml").exists() or (PROJECT_ROOT / "dependencies.yml").exists():
        dbt(["deps"], staging, warehouse)
    # No --fail-fast: after a failed node dbt skips what depends on it and reports every other
    # problem too; its fail-fast cancellation could crash (dbt-duckdb "Connection already closed")
    # before it printed the error that stopped the run.
    dbt(["build", "--no-partial-parse"], staging, warehouse)


def append(warehouse: Path, staging: Path) -> None:
    if not os.environ.get("JSI_EXTERNAL_REGISTER"):
        raise PublishError("set JSI_EXTERNAL_REGISTER to the register directory")
    if not warehouse.is_file():
        raise PublishError(f"no warehouse at {warehouse}: run make build first")
    check_encodings()
    check_register(warehouse)
    shutil.copyfile(warehouse, staging)
    watermark = subprocess.run([sys.executable, str(PROJECT_ROOT / "tools" / "load_batch_watermark.py"), str(staging)],
                               capture_output=True, text=True)
    if watermark.returncode != 0:
        raise PublishError(f"cannot read the load batches of {warehouse}: {watermark.stderr.strip()}")
    # the watermark as an environment variable, which dbt reads when it runs a node: a var that
    # changes at each delivery would make it parse the whole project again (macros/append_scope.sql)
    dbt(["build", "--selector", "append"], staging, warehouse,
        extra_env={"JSI_APPEND_AFTER_LOAD_BATCH": watermark.stdout.strip()})


def rollback(warehouse: Path, previous: Path, staging: Path) -> None:
    if not previous.is_file():
        raise PublishError(f"no previous version at {previous}")
    shutil.copy2(previous, staging)
    os.replace(staging, warehouse)
    print(f"rolled back {warehouse} to the previous version")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["build", "append", "rollback"])
    parser.add_argument("--wait", type=float, default=0, help="seconds to wait for another run's lock (default: stop at once)")
    args = parser.parse_args(argv)
    warehouse = Path(os.environ.get("JSI_WAREHOUSE", "warehouse/jsi.duckdb"))
    if not warehouse.is_absolute():
        warehouse = PROJECT_ROOT / warehouse
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    where = paths(warehouse)
    fd = take_lock(where["lock"], args.wait)
    try:
        remove_stale_staging(warehouse)
        if args.action == "rollback":
            rollback(warehouse, where["previous"], where["staging"])
            return
        (build if args.action == "build" else append)(warehouse, where["staging"])
        publish(where["staging"], warehouse, where["previous"])
    finally:
        for leftover in (where["staging"], where["staging"].with_name(where["staging"].name + ".wal")):
            leftover.unlink(missing_ok=True)
        os.close(fd)


if __name__ == "__main__":
    main()
