insert or replace into meta values ('synthetic', $synthetic);
