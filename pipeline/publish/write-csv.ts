import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quote-identifier.ts';
import { runSql, runSqlFile } from '../db/run-sql-file.ts';
import { copyToFile } from '../db/copy-to-file.ts';

/** The cell expression of a column by its DuckDB type (csv-macros.sql); other types are written as DuckDB writes them. */
function cell(column: string, type: string): string {
  const id = quoteIdentifier(column);
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(type)) return `csv_number(${id}::double)`;
  if (/^(VARCHAR|TEXT|STRING)$/.test(type)) return `csv_text(${id})`;
  if (/^TIMESTAMP|^DATE$/.test(type)) return `strftime(${id}::date, '%Y-%m-%d')`;
  return id;
}

/** A header name, neutralised like a text cell; DuckDB quotes it where needed. */
const headerName = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);

/**
 * Writes a query's rows to a CSV file with DuckDB's COPY: UTF-8 with a BOM (so Excel reads Chinese;
 * DuckDB has no BOM option, so it leads the first header name), CRLF line ends, formula-like text
 * neutralised and numbers written as JavaScript writes them (csv-macros.sql). Returns the row count.
 */
export async function writeCsv(connection: DuckDBConnection, sql: string, path: string): Promise<number> {
  await runSqlFile(connection, new URL('./csv-macros.sql', import.meta.url));
  const columns = await runSql(connection, `describe (${sql}\n)`);
  const select = columns
    .map((c, i) => {
      const name = c.column_name as string;
      return `${cell(name, c.column_type as string)} as ${quoteIdentifier(`${i === 0 ? '\ufeff' : ''}${headerName(name)}`)}`;
    })
    .join(', ');
  return copyToFile(connection, `select ${select} from (${sql}\n)`, path, `format csv, header true, new_line '\r\n'`);
}
