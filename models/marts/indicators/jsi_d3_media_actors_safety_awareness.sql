-- JSI indicator D3: its rows of indicator_measures
select * from {{ ref('indicator_measures') }}  -- noqa: AM04 (the contract lists the columns)
where indicator_code = 'D3'
