import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';

/** The floor a pipeline run is measured against: what reading the inbox costs DuckDB alone. */
export interface BareRead {
  /** CSV and TSV files read, and how many of them were GB18030 and transcoded first. */
  files: number;
  transcoded: number;
  /** Seconds to transcode the GB18030 files to UTF-8 (streaming, one process). */
  transcodeSeconds: number;
  /** Seconds for DuckDB's read_csv of every file, all columns as text, into in-memory tables. */
  readSeconds: number;
  rows: number;
}

/** Whether a file's first 64 KiB are UTF-8 (a multi-byte character cut at the end is fine). */
async function looksUtf8(path: string): Promise<boolean> {
  const handle = await open(path);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * The bare cost of reading an inbox's delimited files (workbooks are not counted): GB18030 files
 * transcoded to UTF-8 temporary files by a streaming decoder, then every file read by DuckDB's
 * read_csv into its own in-memory table.
 */
export async function bareRead(inbox: string, work: string): Promise<BareRead> {
  const files = readdirSync(inbox, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(csv|tsv)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const started = performance.now();
  const paths: string[] = [];
  let transcoded = 0;
  for (const file of files) {
    if (await looksUtf8(file)) {
      paths.push(file);
      continue;
    }
    const target = join(work, `${transcoded++}.csv`);
    await pipeline(
      createReadStream(file),
      iconv.decodeStream('gb18030'),
      iconv.encodeStream('utf8'),
      createWriteStream(target),
    );
    paths.push(target);
  }
  const transcodeSeconds = (performance.now() - started) / 1000;
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  let rows = 0;
  const reading = performance.now();
  try {
    for (let i = 0; i < paths.length; i++) {
      const result = await connection.runAndReadAll(
        `create table "t${i}" as select * from read_csv($path, header = true, all_varchar = true)`,
        { path: paths[i]! },
      );
      rows += Number(result.getRows()[0]?.[0] ?? 0);
    }
  } finally {
    connection.closeSync();
    db.closeSync();
    rmSync(work, { recursive: true, force: true });
  }
  return { files: files.length, transcoded, transcodeSeconds, readSeconds: (performance.now() - reading) / 1000, rows };
}
