-- JSI indicator B4: its rows of indicator_measures (the contract lists the columns)
select * from {{ ref('indicator_measures') }}  -- noqa: AM04
where indicator_code = 'B4'
