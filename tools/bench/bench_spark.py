"""`make bench-spark N=...`: the synthetic register built on Spark beside DuckDB, same data, same nodes.

1. A synthetic register of N victims (synth.py, seed 42), as `make bench` writes it.
2. A local Spark standalone cluster on 127.0.0.1: one master and two workers (spark-class from
   pyspark; WORKER_CORES cores and WORKER_MEMORY each).
3. The same dbt selection on both engines (`make build-spark`'s: every seed and model, the key and
   reconciliation tests), with the register as the external source:
   - DuckDB: into a fresh file, with the threads and memory limit of `make bench`;
   - Spark: target spark, its session's master the local cluster.
   Wall clock of each, and the rows of the victims fact on both (they must agree).
Results: <workdir>/spark_results.json and a printed table. Nothing here is asserted on time
(BENCHMARKS.md reads the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench import PROJECT, PYTHON, Step, log, remove_database, synthesize  # noqa: E402

SPARK_SELECT = ["resource_type:seed", "resource_type:model", "test_name:unique",
                "test_name:unique_combination_of_columns", "test_type:singular"]


def spark_class() -> Path:
    import pyspark

    return Path(pyspark.__file__).resolve().parent / "bin" / "spark-class"


def wait_for_port(port: int, seconds: int = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(1)
    raise SystemExit(f"bench-spark: nothing listens on 127.0.0.1:{port} after {seconds} s")


def start_cluster(work: Path, workers: int, cores: int, memory: str, port: int) -> list[subprocess.Popen]:
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", SPARK_LOG_DIR=str(work / "cluster_logs"))
    (work / "cluster_logs").mkdir(parents=True, exist_ok=True)
    processes = []
    master_log = open(work / "cluster_logs" / "master.log", "w")
    processes.append(subprocess.Popen(
        [str(spark_class()), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
         "--webui-port", str(port + 1)], env=env, stdout=master_log, stderr=subprocess.STDOUT))
    wait_for_port(port)
    for index in range(workers):
        worker_log = open(work / "cluster_logs" / f"worker_{index + 1}.log", "w")
        processes.append(subprocess.Popen(
            [str(spark_class()), "org.apache.spark.deploy.worker.Worker", f"spark://127.0.0.1:{port}",
             "--host", "127.0.0.1", "--cores", str(cores), "--memory", memory,
             "--webui-port", str(port + 2 + index), "--work-dir", str(work / f"worker_{index + 1}")],
            env=env, stdout=worker_log, stderr=subprocess.STDOUT))
    time.sleep(10)  # the workers register with the master
    log(f"Spark cluster: master spark://127.0.0.1:{port}, {workers} workers x {cores} core(s), {memory}")
    return processes


def stop_cluster(processes: list[subprocess.Popen]) -> None:
    for process in reversed(processes):
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def base_env(register: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "DBT_PROFILES_DIR": str(PROJECT), "DBT_PROJECT_DIR": str(PROJECT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "JSI_EXTERNAL_REGISTER": str(register.resolve()),
        "JSI_PROJECT_DIR": str(PROJECT), "SPARK_LOCAL_IP": "127.0.0.1",
    })
    return env


def dbt_command(work: Path, *extra: str) -> list[str]:
    return [str(Path(PYTHON).parent / "dbt"), "build", "--indirect-selection", "empty", "--select", *SPARK_SELECT,
            "--target-path", str(work / "target"), "--log-path", str(work / "logs"), *extra]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--victims", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=PROJECT / "warehouse" / "bench_spark")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-cores", type=int, default=1)
    parser.add_argument("--worker-memory", default="3g")
    parser.add_argument("--port", type=int, default=7177)
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    parser.add_argument("--memory-limit", default="3GB", help="DuckDB memory limit")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--countries", type=int, default=40)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--last-year", type=int, default=2025)
    args = parser.parse_args(argv)

    work = args.workdir.resolve() / f"n{args.victims}"
    register = work / "register"
    synthesize(register, args.victims, 1, args, dict(os.environ))
    results = {"victims": args.victims, "select": SPARK_SELECT, "workers": args.workers,
               "worker_cores": args.worker_cores, "worker_memory": args.worker_memory}

    duck_dir = work / "duckdb"
    shutil.rmtree(duck_dir, ignore_errors=True)
    duck_dir.mkdir(parents=True)
    warehouse = duck_dir / "jsi.duckdb"
    remove_database(warehouse)
    env = base_env(register) | {"JSI_WAREHOUSE": str(warehouse), "JSI_DUCKDB_THREADS": str(args.threads),
                                "JSI_DUCKDB_MEMORY_LIMIT": args.memory_limit, "JSI_DBT_THREADS": "1"}
    log(f"{args.victims:,} victims: DuckDB build")
    seconds, rss = Step("duckdb build", dbt_command(duck_dir), env, duck_dir / "build.log").run()
    results["duckdb"] = {"seconds": seconds, "peak_rss_bytes": rss}
    con = duckdb.connect(str(warehouse), read_only=True)
    results["duckdb"]["victims_rows"] = con.execute("select count(*) from core.fct_incident_victims").fetchone()[0]
    con.close()
    log(f"  DuckDB {seconds:.1f} s")

    spark_dir = work / "spark"
    shutil.rmtree(spark_dir, ignore_errors=True)
    spark_dir.mkdir(parents=True)
    cluster = start_cluster(work, args.workers, args.worker_cores, args.worker_memory, args.port)
    try:
        env = base_env(register) | {"JSI_SPARK_HOME": str(spark_dir), "JSI_SPARK_MASTER": f"spark://127.0.0.1:{args.port}",
                                    "JSI_SPARK_DRIVER_MEMORY": "2g",
                                    "JSI_SPARK_SHUFFLE_PARTITIONS": str(2 * args.workers * args.worker_cores)}
        log(f"{args.victims:,} victims: Spark build (cluster)")
        started = time.monotonic()
        process = subprocess.run(dbt_command(spark_dir, "--target", "spark"), cwd=spark_dir, env=env,
                                 stdout=open(spark_dir / "build.log", "w"), stderr=subprocess.STDOUT)
        seconds = time.monotonic() - started
        if process.returncode != 0:
            raise SystemExit(f"bench-spark: the Spark build failed; log {spark_dir / 'build.log'}")
    finally:
        stop_cluster(cluster)
    table = spark_dir / "warehouse" / "core.db" / "fct_incident_victims"
    rows = duckdb.connect().execute(f"select count(*) from read_parquet('{table}/*.parquet')").fetchone()[0]
    results["spark"] = {"seconds": seconds, "victims_rows": rows}
    log(f"  Spark {seconds:.1f} s")
    if rows != results["duckdb"]["victims_rows"]:
        raise SystemExit(f"bench-spark: fct_incident_victims has {rows} rows on Spark, {results['duckdb']['victims_rows']} on DuckDB")

    (args.workdir / "spark_results.json").write_text(json.dumps(results, indent=2))
    print(f"\n{args.victims:,} victims (same nodes on both: {' '.join(SPARK_SELECT)})")
    print(f"  DuckDB (threads {args.threads}, {args.memory_limit}):        {results['duckdb']['seconds']:8.1f} s")
    print(f"  Spark (master + {args.workers} workers x {args.worker_cores} core): {results['spark']['seconds']:8.1f} s"
          f"   ratio {results['spark']['seconds'] / results['duckdb']['seconds']:.1f} x")
    print(f"  fct_incident_victims rows: {rows:,} on both")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
