-- Cell parsing over the all-text staging rows (docs/inbox.md). Each parser returns the value and,
-- when the cell cannot be used, the rule and a reason naming the value as the clerk typed it: the
-- same values and reasons as the reference parsers in tests/reference. Macros expand in place, so
-- parsers take columns computed once by the caller: r, the cell trimmed (reasons quote it), and x, the
-- cell prepared for its type; nesting them over expressions would repeat the work at every mention.

-- Whether code point c is white space to JavaScript's trim (the ideographic space and the BOM
-- included). A constant IN list would become a join per mention of the macro, each costing far more
-- to set up than the test itself; most characters fail the range test before the list is looked at.
create or replace temp macro cb_is_space(c) as
  (c <= 32 or (c >= 160 and c <= 12288) or c = 65279)
  and list_contains([9, 10, 11, 12, 13, 32, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288, 65279], c);

-- JavaScript's trim. Most cells have no white space at either end, and looking at two characters
-- costs far less than the expression.
create or replace temp macro cb_trim(t) as case
  when t = '' or (not cb_is_space(unicode(t)) and not cb_is_space(unicode(right(t, 1)))) then t
  else regexp_replace(t, '^[\s\x{0B}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\s\x{0B}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')
end;

create or replace temp macro cb_blank(t) as t is null or cb_trim(t) = '';

-- Whether a cell holds a full-width character or a wide space, which folding turns into ASCII.
create or replace temp macro cb_has_wide(t) as
  regexp_matches(t, '[\x{A0}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}\x{FF01}-\x{FF5E}]');

create or replace temp macro cb_wide_to_ascii(t) as case
  when not cb_has_wide(t) then t
  else translate(
  t,
  '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　              ',
  '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~               '
)
end;

-- NFKC as bureaus' files need it: full-width ASCII and the wide spaces become ASCII, then trimmed.
create or replace temp macro cb_fold(t) as cb_trim(cb_wide_to_ascii(t));

-- A number as JavaScript prints it, for reasons (2000, not 2000.0).
create or replace temp macro cb_js_number(d) as
  case when d = trunc(d) and abs(d) < 1e21 then d::hugeint::varchar else d::varchar end;

create or replace temp macro cb_ok(v) as {'v': v, 'rule': null::varchar, 'reason': null::varchar};

create or replace temp macro cb_bad(v, rule, reason) as {'v': v, 'rule': rule, 'reason': reason};

-- x: folded, white space removed. Thousands separators and full-width digits are read; a comma
-- elsewhere is an error, not a guess.
create or replace temp macro cb_number_of(r, x) as case
  when coalesce(r, '') = '' then cb_ok(null::double)
  when regexp_full_match(x, '[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?') then cb_ok(x::double)
  when regexp_full_match(x, '[+-]?\d{1,3}(,\d{3})+(\.\d+)?') then cb_ok(replace(x, ',', '')::double)
  else cb_bad(null::double, 'not_a_number', 'not a number: ' || r)
end;

create or replace temp macro cb_without_spaces(x) as
  case when regexp_matches(x, '\s') then regexp_replace(x, '\s+', '', 'g') else x end;

create or replace temp macro cb_number_text(t) as cb_without_spaces(cb_fold(t));

create or replace temp macro cb_whole_of(p) as case
  when p.rule is not null or p.v is null or p.v = trunc(p.v) then p
  else cb_bad(null::double, 'not_a_whole_number', 'not a whole number: ' || cb_js_number(p.v))
end;

-- Bounds are checked on the value as written, so the message shows what the clerk typed.
create or replace temp macro cb_range(p, lo, hi) as case
  when p.rule is not null or p.v is null then p
  when lo is not null and p.v < lo then
    cb_bad(null::double, case when p.v < 0 then 'negative' else 'out_of_range' end,
      'must be at least ' || cb_js_number(lo) || ': ' || cb_js_number(p.v))
  when hi is not null and p.v > hi then
    cb_bad(null::double, 'out_of_range', 'must be at most ' || cb_js_number(hi) || ': ' || cb_js_number(p.v))
  else p
end;

create or replace temp macro cb_year_of(p, current_year) as case
  when p.rule is not null or p.v is null then p
  when p.v > current_year then cb_bad(null::double, 'future_year', 'year in the future: ' || cb_js_number(p.v))
  when p.v < 1949 then cb_bad(null::double, 'out_of_range', 'year out of range: ' || cb_js_number(p.v))
  else p
end;

create or replace temp macro cb_year_text(t) as case when ends_with(t, '年') then regexp_replace(t, '\s*年$', '') else t end;

-- x: folded, a stray .0 of a float export removed.
create or replace temp macro cb_code_of(r, x, digits) as case
  when coalesce(r, '') = '' then cb_ok(null::varchar)
  when not regexp_full_match(x, '\d+') then
    cb_bad(null::varchar, 'bad_code', 'not a ' || digits || '-digit code: ' || r)
  when length(x) <> digits then
    cb_bad(null::varchar, 'bad_code', 'code must have ' || digits || ' digits, has ' || length(x) || ': ' || x)
  else cb_ok(x)
end;

create or replace temp macro cb_without_point_zero(x) as
  case when contains(x, '.') then regexp_replace(x, '\.0+$', '') else x end;

create or replace temp macro cb_code_text(t) as cb_without_point_zero(cb_fold(t));

-- The words read as yes and as no, folded and in lower case.
create or replace temp macro cb_yes(x) as list_contains(['是', '有', 'y', 'yes', 'true', '1', '√', 't'], x);

create or replace temp macro cb_no(x) as list_contains(['否', '无', '没有', 'n', 'no', 'false', '0', '×', 'f'], x);

-- x: folded, lower case.
create or replace temp macro cb_boolean_of(r, x) as case
  when coalesce(r, '') = '' then cb_ok(null::boolean)
  when cb_yes(x) then cb_ok(true)
  when cb_no(x) then cb_ok(false)
  else cb_bad(null::boolean, 'not_yes_no', 'not yes/no (是/否): ' || r)
end;

create or replace temp macro cb_days_in_month(y, m) as case
  when m = 2 then case when (y % 4 = 0 and y % 100 <> 0) or y % 400 = 0 then 29 else 28 end
  when m = 4 or m = 6 or m = 9 or m = 11 then 30
  else 31
end;

create or replace temp macro cb_ymd(y, m, d) as case
  when y between 1900 and 2200 and m between 1 and 12 and d between 1 and cb_days_in_month(y, m) then
    cb_ok(make_date(y, m, d))
  else cb_bad(null::date, 'not_a_date', 'no such date: ' || y || '-' || m || '-' || d)
end;

-- A year alone reads as a serial day in 1905-1906, a date no community record holds.
create or replace temp macro cb_serial_or_year(n) as case
  when n between 1900 and 2100 then
    cb_bad(null::date, 'not_a_date', 'not a date: a year alone, ' || n || ' (write the day, e.g. ' || n || '-03-05)')
  else cb_ok(date '1899-12-30' + n)
end;

-- ISO dates, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, and Excel serial day numbers; x: folded.
create or replace temp macro cb_date_of(r, x) as case
  when coalesce(r, '') = '' then cb_ok(null::date)
  when regexp_full_match(x, '(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?') then
    cb_ymd(
      regexp_extract(x, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})', 1)::integer,
      regexp_extract(x, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})', 2)::integer,
      regexp_extract(x, '^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})', 3)::integer
    )
  when regexp_full_match(x, '\d{8}') then
    cb_ymd(substr(x, 1, 4)::integer, substr(x, 5, 2)::integer, substr(x, 7, 2)::integer)
  when regexp_full_match(x, '\d{1,5}') then cb_serial_or_year(x::integer)
  else cb_bad(null::date, 'not_a_date', 'not a date (expected 2024-03-05, 2024/3/5 or 2024年3月5日): ' || r)
end;

-- How enumerated values and header names are matched: case, spaces, underscores and hyphens ignored.
create or replace temp macro cb_without_separators(x) as
  case when regexp_matches(x, '[\s_-]') then regexp_replace(x, '[\s_-]+', '', 'g') else x end;

create or replace temp macro cb_fold_name(t) as lower(cb_without_separators(cb_fold(t)));

-- A JSON object of the named cells, in header order (the quarantine's raw cells, a row's extras).
create or replace temp macro cb_cells_json(names, cells, picked) as
  '{' || array_to_string(
    list_transform(picked, i -> to_json(cb_trim(names[i])) || ':' || to_json(coalesce(cells[i], ''))),
    ','
  ) || '}';

-- A reason without the value it quotes (roster rows): every reason names its fault before ': '.
create or replace temp macro cb_without_value(reason) as
  case when strpos(reason, ': ') > 0 then left(reason, strpos(reason, ': ') - 1) else reason end;
