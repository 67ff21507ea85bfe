-- The sources catalogue, one row per source the warehouse reads: the assessment reports' rows
-- (ref_sources) and each monitor's own row (its catalogue seed, seeds/monitors/<monitor>/, found
-- through macros/monitors.sql). Every model that needs a source's rules reads them here.
select * from {{ sources_catalogue() }} as catalogue  -- noqa: AM04
