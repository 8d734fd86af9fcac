-- The shard that holds a region as a child: its parent's code ('CN' for a province).
create or replace temp macro parent_shard(level, code) as
  case level when 'province' then 'CN' when 'city' then substr(code, 1, 2) when 'county' then substr(code, 1, 4)
    when 'township' then substr(code, 1, 6) end;
