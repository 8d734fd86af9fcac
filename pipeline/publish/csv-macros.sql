-- Cell forms of the researchers' CSV files, the same as a spreadsheet user has always received
-- (tests/pipeline/publish/write-csv.test.ts holds them to csvCell, cell for cell).
--
-- Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
-- apostrophe; an empty text is written as an empty cell, like a null.
create or replace temp macro csv_text(v) as
  nullif(case when regexp_matches(v, '^[=+\-@\t\r]') then '''' || v else v end, '');

-- A number the way JavaScript's String(x) writes it: DuckDB's shortest round-trip digits, laid out
-- without an exponent from 1e-6 up to 1e21 (DuckDB switches to one below 1e-4 and above 1e15), and
-- with "e-7" rather than "e-07" beyond. DuckDB's plain decimal form only needs its ".0" dropped.
create or replace temp macro csv_plain(t) as
  case when ends_with(t, '.0') then t[:-3] else t end;

-- The significant digits of a positive shortest form, and n with value = 0.DIGITS × 10^n.
create or replace temp macro csv_mantissa(t) as split_part(t, 'e', 1);
create or replace temp macro csv_raw_digits(t) as replace(csv_mantissa(t), '.', '');
create or replace temp macro csv_digits(t) as rtrim(ltrim(csv_raw_digits(t), '0'), '0');
create or replace temp macro csv_point(t) as
  (case when contains(csv_mantissa(t), '.') then strpos(csv_mantissa(t), '.') - 1 else length(csv_mantissa(t)) end)
  + (case when contains(t, 'e') then split_part(t, 'e', 2)::integer else 0 end)
  - (length(csv_raw_digits(t)) - length(ltrim(csv_raw_digits(t), '0')));

create or replace temp macro csv_layout(d, n) as
  case
    when length(d) <= n and n <= 21 then d || repeat('0', n - length(d))
    when 0 < n and n <= 21 then d[:n] || '.' || d[n + 1:]
    when -6 < n and n <= 0 then '0.' || repeat('0', -n) || d
    else d[1] || (case when length(d) > 1 then '.' || d[2:] else '' end)
      || 'e' || (case when n - 1 >= 0 then '+' else '-' end) || abs(n - 1)::varchar
  end;

create or replace temp macro csv_number(x) as
  case
    when x is null or isnan(x) or isinf(x) then null
    when x = 0 then '0'
    when not contains(abs(x)::varchar, 'e') and abs(x) < 1e15 then csv_plain(x::varchar)
    else (case when x < 0 then '-' else '' end)
      || csv_layout(csv_digits(abs(x)::varchar), csv_point(abs(x)::varchar))
  end;
