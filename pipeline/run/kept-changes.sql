-- Rows each dataset gained and lost in this run: a new or changed file's kept rows come in, a removed
-- or replaced file's go out, and a kept file whose rows a new conflict quarantined loses them.
with moves as (
  select coalesce(a.dataset, b.dataset) as dataset,
    coalesce(a.rows_kept, 0) - coalesce(b.rows_kept, 0) as delta
  from file_accounting a full join kept_before b using (file_id)
)
select dataset,
  sum(greatest(delta, 0))::bigint as rows_added,
  sum(greatest(-delta, 0))::bigint as rows_removed
from moves
group by dataset
having sum(abs(delta)) > 0
order by dataset;
