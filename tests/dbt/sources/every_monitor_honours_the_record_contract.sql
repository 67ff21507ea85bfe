-- Every monitor (macros/monitors.sql) ends its pipeline in a model that declares the
-- monitor-record contract: the columns of monitor_record_columns(), in that order, with those
-- types, and dbt enforces the contract on it. dbt holds each model to its YAML; this holds each
-- YAML to the one list. One row per breach.
select * from {{ monitor_contract_breaches() }} as breaches
