-- The resources the connection really has, as DuckDB reports them (the log shows them per run).
select current_setting('memory_limit') as memory_limit, current_setting('threads') as threads
