-- Rows read and quarantined per file of one checked batch.
select file_id, count(*)::integer as rows_read, (count(*) filter (where not keep))::integer as rows_quarantined
from checked
group by file_id
