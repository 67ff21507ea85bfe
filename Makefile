# Two commands on a fresh machine:  make build  (the warehouse)  and  make test  (every check).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export DBT_PROFILES_DIR := $(CURDIR)
export DBT_PROJECT_DIR := $(CURDIR)
export JSI_WAREHOUSE ?= warehouse/jsi.duckdb
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
# an append's watermark (macros/append_scope.sql): tools/publish.py sets it for the dbt run of an
# append only; one left in the shell must not scope the tests of a build or of make test
unexport JSI_APPEND_AFTER_LOAD_BATCH

.PHONY: help venv metrics apps legacy-client superset-env superset-env-or-reason superset build build-spark append rollback dashboard report export test dbt-test lint pytest quality docs synth bench bench-spark clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# What a build needs (pyproject's dependencies). Each optional toolchain is an extra of
# pyproject.toml, installed by the targets that use it: apps, metrics, spark, test. The project
# is installed editable (-e), so the package jsi_apps that runs is the working tree's.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(VENV)/.installed-%: pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[$*]"
	touch $@

APPS := $(VENV)/.installed-apps
METRICS := $(VENV)/.installed-metrics
SPARK_EXTRA := $(VENV)/.installed-spark
TEST_EXTRA := $(VENV)/.installed-test

venv: $(STAMP)  ## create .venv and install what a build needs

metrics: $(METRICS)  ## install MetricFlow (mf) into .venv for the semantic layer's recipes
apps: $(APPS)  ## install the dashboard's and the static report's libraries into .venv

# A DuckDB 1.x client, as bundled by many BI tools: the compatibility test opens the published
# warehouse with it. Version set by DUCKDB_LEGACY_VERSION.
DUCKDB_LEGACY_VERSION ?= 1.0.0
LEGACY := .venv-duckdb1
LEGACY_STAMP := $(LEGACY)/.installed-$(DUCKDB_LEGACY_VERSION)

$(LEGACY_STAMP):
	test -x $(LEGACY)/bin/python || $(PYTHON) -m venv $(LEGACY)
	$(LEGACY)/bin/python -m pip install --quiet "duckdb==$(DUCKDB_LEGACY_VERSION)"
	touch $(LEGACY_STAMP)

legacy-client: $(LEGACY_STAMP)  ## a DuckDB 1.x client for the storage-compatibility test

# Apache Superset in a virtualenv of its own: it needs SQLAlchemy 1.4, dbt's .venv has 2.0.
# superset/requirements.txt pins every package (about 900 MB installed).
SUPERSET_VENV := .venv-superset
SUPERSET_STAMP := $(SUPERSET_VENV)/.installed
SUPERSET_UNAVAILABLE := $(SUPERSET_VENV).unavailable
SUPERSET_HOME ?= target/superset
SUPERSET_PORT ?= 8088

$(SUPERSET_STAMP): superset/requirements.txt
	test -x $(SUPERSET_VENV)/bin/python || $(PYTHON) -m venv $(SUPERSET_VENV)
	$(SUPERSET_VENV)/bin/python -m pip install --quiet -r superset/requirements.txt
	rm -f $(SUPERSET_UNAVAILABLE)
	touch $(SUPERSET_STAMP)

superset-env: $(SUPERSET_STAMP)  ## Superset's own virtualenv (.venv-superset) from superset/requirements.txt

# For make test: the Superset browser test skips, saying why, only when the install failed.
superset-env-or-reason:
	$(MAKE) --no-print-directory superset-env || { \
		echo "pip install -r superset/requirements.txt failed on $$(date -u +%FT%TZ) (see the make test output)" > $(SUPERSET_UNAVAILABLE); \
		echo "Superset could not be installed: its browser test will be skipped"; }

superset: $(STAMP) $(SUPERSET_STAMP)  ## Apache Superset with the JSI dashboard on 127.0.0.1:$(SUPERSET_PORT), warehouse read-only
	test -f $(JSI_WAREHOUSE) || { echo "no warehouse at $(JSI_WAREHOUSE): run make build"; exit 1; }
	$(BIN)/dbt parse --quiet
	$(SUPERSET_VENV)/bin/python superset/setup_superset.py --warehouse $(JSI_WAREHOUSE) \
		--manifest target/manifest.json --home $(SUPERSET_HOME) --serve $(SUPERSET_PORT)

# Write-audit-publish (tools/publish.py): dbt builds and tests into a staging file of the run's
# own; only a build whose every test passed replaces the published file, by an atomic rename, and
# the file it replaces becomes $(JSI_WAREHOUSE).previous. Readers of the old file keep it; a failed
# build leaves both untouched. One lock ($(JSI_WAREHOUSE).lock) covers build, append and rollback:
# a second run stops with a message (PUBLISH_WAIT=seconds makes it wait instead).
PUBLISH_WAIT ?= 0
PUBLISH = $(BIN)/python tools/publish.py --wait $(PUBLISH_WAIT)

build: $(STAMP)  ## validate seeds, build and test into a staging file, then publish $JSI_WAREHOUSE
	$(PUBLISH) build

# Incremental delivery of the external register (write-audit-publish as in build): copy the
# published warehouse, build only what is downstream of the register (incremental models process
# the new load batches; row-level tests read only them, macros/append_scope.sql), test, then
# publish atomically.
append: $(STAMP)  ## incremental build of a new external-register batch ($JSI_EXTERNAL_REGISTER), then publish
	$(PUBLISH) append

# The same dbt project on Apache Spark (dbt-spark, in-process session: target spark in
# profiles.yml), Parquet tables and a Derby metastore under SPARK_HOME_DIR. The input files are
# validated by DuckDB first (the Spark target skips the DuckDB-only start-up validation). DuckDB
# stays the default and the warehouse file stays the product; nothing here touches it.
SPARK_HOME_DIR ?= warehouse/spark
# What runs on Spark: every seed and model, and the key and reconciliation tests (unique keys,
# unique combinations, the singular tests). The other data tests (not_null_columns, accepted values,
# relationships: about 240) run on DuckDB; SPARK_SELECT='resource_type:seed resource_type:model
# resource_type:test' runs them all on Spark too.
SPARK_SELECT ?= resource_type:seed resource_type:model test_name:unique test_name:unique_combination_of_columns test_type:singular

# dbt build on the Spark target, run from inside SPARK_HOME_DIR (where the session keeps its
# warehouse and metastore); build-spark and append-spark add the selection
SPARK_DBT_BUILD = cd $(SPARK_HOME_DIR) && JSI_PROJECT_DIR=$(CURDIR) JSI_SPARK_HOME=$(abspath $(SPARK_HOME_DIR)) \
	SPARK_LOCAL_IP=127.0.0.1 $(CURDIR)/$(BIN)/dbt build --target spark --project-dir $(CURDIR) --profiles-dir $(CURDIR) \
	--target-path $(abspath $(SPARK_HOME_DIR))/target --log-path $(abspath $(SPARK_HOME_DIR))/logs --indirect-selection empty
build-spark: $(SPARK_EXTRA)  ## build seeds, staging, intermediate and marts on Spark (local session) with the key and reconciliation tests
	command -v java >/dev/null || { echo "Spark needs a Java runtime (Debian: apt-get install openjdk-17-jre-headless)"; exit 1; }
	$(BIN)/dbt run-operation validate_input_files --target lint
	rm -rf $(SPARK_HOME_DIR) && mkdir -p $(SPARK_HOME_DIR)
	$(SPARK_DBT_BUILD) --select $(SPARK_SELECT)
	@echo "built on Spark: $(SPARK_HOME_DIR)/warehouse (tables), $(SPARK_HOME_DIR)/metastore_db (catalogue)"

# An append on Spark, as `make append` on DuckDB: the new load batches of $JSI_EXTERNAL_REGISTER
# into the Spark warehouse that `make build-spark` (with the same register) left in SPARK_HOME_DIR.
# The incremental models rewrite only the (country, period) partitions the new batches touch
# (macros/incremental_scope.sql); row-level tests read only the new batches.
SPARK_APPEND_SELECT ?= $(foreach term,$(SPARK_SELECT),$(if $(filter resource_type:seed,$(term)),,source:external_register+,$(term)))
append-spark: $(SPARK_EXTRA)  ## incremental build on Spark of a new external-register batch ($JSI_EXTERNAL_REGISTER)
	test -n "$$JSI_EXTERNAL_REGISTER" || { echo "set JSI_EXTERNAL_REGISTER to the register directory"; exit 1; }
	test -d $(SPARK_HOME_DIR)/metastore_db || { echo "no Spark warehouse in $(SPARK_HOME_DIR): run make build-spark first"; exit 1; }
	$(BIN)/dbt run-operation validate_input_files --target lint
	WATERMARK=$$($(BIN)/python tools/load_batch_watermark.py $(SPARK_HOME_DIR)/warehouse) && \
	$(SPARK_DBT_BUILD) --select $(SPARK_APPEND_SELECT) --vars "{append_after_load_batch: $$WATERMARK}"
	@echo "appended on Spark: $(SPARK_HOME_DIR)/warehouse"

rollback: $(STAMP)  ## put the previously published warehouse back (atomic rename)
	$(PUBLISH) rollback

dbt-test: build  ## dbt data and unit tests (run by build)

lint: $(TEST_EXTRA)  ## sqlfluff over models, analyses and tests (in-memory DuckDB target)
	$(BIN)/sqlfluff lint models analyses tests/dbt

pytest: $(APPS) $(METRICS) $(SPARK_EXTRA) $(TEST_EXTRA) $(LEGACY_STAMP) superset-env-or-reason  ## pytest: end to end, bad input, publishing, provenance, Great Expectations
	JSI_LEGACY_PYTHON=$(CURDIR)/$(LEGACY)/bin/python $(BIN)/python -m pytest

quality: $(TEST_EXTRA)  ## Great Expectations suites against the published warehouse, Data Docs in gx_data_docs/
	test -f $(JSI_WAREHOUSE) || { echo "no warehouse at $(JSI_WAREHOUSE): run make build"; exit 1; }
	JSI_QUALITY_WAREHOUSE=$(abspath $(JSI_WAREHOUSE)) $(BIN)/python -m pytest tests/python/test_great_expectations.py

test: build lint pytest  ## every check: dbt build + tests, sqlfluff, Great Expectations, pytest

DASHBOARD_PORT ?= 8501
REPORT ?= target/dashboard/jsi_report.html

dashboard: $(APPS)  ## Streamlit dashboard of the published warehouse (read-only) on localhost:$(DASHBOARD_PORT)
	test -f $(JSI_WAREHOUSE) || { echo "no warehouse at $(JSI_WAREHOUSE): run make build"; exit 1; }
	PYTHONPATH=$(CURDIR) $(BIN)/streamlit run jsi_apps/dashboard.py --server.headless true --server.address 127.0.0.1 \
		--server.port $(DASHBOARD_PORT) --browser.gatherUsageStats false

EXPORT_DIR ?= export/public

export: $(STAMP)  ## the public dataset (schema public: CSV, Parquet, data dictionary) of the published warehouse in $(EXPORT_DIR)
	$(BIN)/dbt parse --quiet
	$(BIN)/python -m jsi_apps.export --warehouse $(JSI_WAREHOUSE) --manifest target/manifest.json --out $(EXPORT_DIR)

report: $(APPS)  ## self-contained static HTML report (works offline) of the published warehouse in $(REPORT)
	test -f $(JSI_WAREHOUSE) || { echo "no warehouse at $(JSI_WAREHOUSE): run make build"; exit 1; }
	$(BIN)/python -m jsi_apps.report --warehouse $(JSI_WAREHOUSE) --out $(REPORT)

# dbt docs generate opens the database read-write, so it reads a copy of the warehouse, named as the
# warehouse so that the docs show its database name. It writes into a target path of its own:
# in target/ its manifest and semantic manifest would name that copy, and `mf` (which reads
# target/semantic_manifest.json) would query a file that is gone.
DOCS_DIR := target/docs

docs: $(STAMP)  ## generate the static dbt docs site (target/docs/static_index.html) from a copy of the warehouse
	test -f $(JSI_WAREHOUSE) || { echo "no warehouse at $(JSI_WAREHOUSE): run make build"; exit 1; }
	rm -rf $(DOCS_DIR) && mkdir -p $(DOCS_DIR)/catalog
	cp $(JSI_WAREHOUSE) $(DOCS_DIR)/catalog/$(notdir $(JSI_WAREHOUSE))
	JSI_WAREHOUSE=$(DOCS_DIR)/catalog/$(notdir $(JSI_WAREHOUSE)) $(BIN)/dbt docs generate --static --target-path $(DOCS_DIR)
	rm -rf $(DOCS_DIR)/catalog
	@echo "docs: $(DOCS_DIR)/static_index.html"


# Scale: a seeded synthetic register of N incident victims as Parquet load batches (never real
# data: ISO user-assigned country codes, source_section 'synthetic'), loaded beside the seeds by
# pointing JSI_EXTERNAL_REGISTER at the directory, e.g.
#   make synth N=1000000 && JSI_EXTERNAL_REGISTER=warehouse/synth make build
N ?= 1000000
SYNTH_DIR ?= warehouse/synth
SYNTH_BATCH ?= 1
SYNTH_SEED ?= 42

synth: $(STAMP)  ## write a synthetic register of N victims (batch SYNTH_BATCH) to SYNTH_DIR as Parquet
	$(BIN)/python tools/bench/synth.py --victims $(N) --batch $(SYNTH_BATCH) --seed $(SYNTH_SEED) --out $(SYNTH_DIR)

# Benchmark (issue 7): full dbt build vs the same SQL straight in DuckDB, 1% incremental append,
# peak RSS, mart queries vs direct aggregates, at each size in BENCH_SIZES. See BENCHMARKS.md.
BENCH_SIZES ?= 1000000,10000000
BENCH_RUNS ?= 1
BENCH_RUNS_LARGE ?= 1
BENCH_DIR ?= warehouse/bench
BENCH_THREADS ?= 2
BENCH_MEMORY_LIMIT ?= 3GB
BENCH_DBT_THREADS ?= 1

bench: $(STAMP)  ## benchmark at BENCH_SIZES victims (medians of BENCH_RUNS runs) into BENCH_DIR
	$(BIN)/python tools/bench/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --runs-large $(BENCH_RUNS_LARGE) \
		--workdir $(BENCH_DIR) --threads $(BENCH_THREADS) --memory-limit $(BENCH_MEMORY_LIMIT) --dbt-threads $(BENCH_DBT_THREADS)

# Spark at scale (issue 15): the synthetic register of N victims built on a local Spark standalone
# cluster (master + 2 workers on 127.0.0.1) and on DuckDB, the same nodes on both. See BENCHMARKS.md.
bench-spark: $(SPARK_EXTRA)  ## the synthetic register of N victims on a local Spark cluster beside DuckDB, timed
	command -v java >/dev/null || { echo "Spark needs a Java runtime (Debian: apt-get install openjdk-17-jre-headless)"; exit 1; }
	$(BIN)/python tools/bench/bench_spark.py --victims $(N) --workdir $(BENCH_DIR) \
		--threads $(BENCH_THREADS) --memory-limit $(BENCH_MEMORY_LIMIT)

clean:  ## remove build output (keeps .venv)
	rm -rf target logs warehouse gx_data_docs
