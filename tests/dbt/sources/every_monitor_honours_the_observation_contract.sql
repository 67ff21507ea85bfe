-- Every monitor with state observations (macros/monitors.sql) ends their pipeline in a model
-- that declares the state-observation contract (monitor_observation_columns(), in that order,
-- with those types), enforces it and is tagged state_observations; and every model tagged
-- state_observations is declared by a monitor. One row per breach.
select * from {{ monitor_observation_contract_breaches() }} as breaches
