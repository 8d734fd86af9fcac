-- Rows of a table with a null in any of the listed columns: all its rows less those where every one is set.
select (select count(*) from {{table}})
  - (select count(*) from (select {{columns}} from {{table}}) where columns(*) is not null) as failures
