select case when sum(rows_read) > 0 and sum(rows_quarantined) / sum(rows_read) > $max_share then sum(rows_quarantined) else 0 end as failures,
  'rows quarantined: ' || coalesce(sum(rows_quarantined), 0) || ' of ' || coalesce(sum(rows_read), 0)
    || ' read (' || round(100 * coalesce(sum(rows_quarantined) / nullif(sum(rows_read), 0), 0), 2)
    || '%; the limit is ' || round(100 * $max_share, 2) || '%)' as message
from file_accounting
