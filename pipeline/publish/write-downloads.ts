import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../db/quote-literal.ts';
import { csvCell } from './csv-cell.ts';

const query = (name: string) => readFile(new URL(`./downloads/${name}.sql`, import.meta.url), 'utf8');

/** Streams a query's rows to a CSV file: UTF-8 with BOM so Excel reads Chinese, CRLF line ends. */
export async function writeCsv(connection: DuckDBConnection, sql: string, path: string): Promise<number> {
  const out = createWriteStream(path);
  // A write error (a full disk) fails the whole write instead of escaping as an unhandled event.
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) =>
    out.on('error', (error) => {
      failure = error;
      reject(error);
    }),
  );
  failed.catch(() => undefined);
  const write = (text: string) =>
    failure
      ? Promise.reject(failure)
      : out.write(text)
        ? Promise.resolve()
        : Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed]);
  let rows = 0;
  try {
    const result = await connection.stream(sql);
    await write(`\ufeff${result.columnNames().map(csvCell).join(',')}\r\n`);
    for await (const chunk of result.yieldRowsJs()) {
      let text = '';
      for (const row of chunk) text += `${row.map(csvCell).join(',')}\r\n`;
      rows += chunk.length;
      await write(text);
    }
    await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
  } finally {
    if (!out.closed) out.destroy();
  }
  if (failure) throw failure;
  return rows;
}

/** The researchers' downloads (docs/data-layout.md), written into a version folder. */
export async function writeDownloads(connection: DuckDBConnection, dir: string): Promise<Record<string, number>> {
  const gaps = await query('gaps');
  const counts: Record<string, number> = {};
  counts['gaps.csv'] = await writeCsv(connection, gaps, join(dir, 'gaps.csv'));
  await connection.run(
    `copy (${gaps}) to ${quoteLiteral(join(dir, 'gaps.parquet'))} (format parquet, compression zstd)`,
  );
  counts['group_values.csv'] = await writeCsv(connection, await query('group-values'), join(dir, 'group_values.csv'));
  counts['compliance.csv'] = await writeCsv(connection, await query('compliance'), join(dir, 'compliance.csv'));
  return counts;
}
