-- Values of the listed columns that more than one row of a table holds.
select count(*) as failures from (select {{columns}} from {{table}} group by all having count(*) > 1)
