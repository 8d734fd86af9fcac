import { dateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec } from '../../pipeline/schema/column.ts';
import type { ParsedRow } from '../../pipeline/validate/parse-row.ts';

const DAY_MS = 86_400_000;

/** Appends parsed rows to a dataset's raw table (columns in the order of pipeline/db/schema.sql). */
export class RawAppender {
  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly spec: DatasetSpec,
  ) {}

  static async create(connection: DuckDBConnection, spec: DatasetSpec): Promise<RawAppender> {
    return new RawAppender(await connection.createAppender(`raw_${spec.name}`), spec);
  }

  append(fileId: number, sheet: string | undefined, rowNumber: number, row: ParsedRow): void {
    const a = this.appender;
    a.appendInteger(fileId);
    if (sheet === undefined) a.appendNull();
    else a.appendVarchar(sheet);
    a.appendInteger(rowNumber);
    a.appendVarchar(row.key);
    a.appendVarchar(row.digest);
    if (row.extras === null) a.appendNull();
    else a.appendVarchar(row.extras);
    for (const column of this.spec.columns) {
      const value = row.values[column.name];
      if (value === null || value === undefined) {
        a.appendNull();
        continue;
      }
      switch (column.type.kind) {
        case 'year':
        case 'integer':
          a.appendInteger(value as number);
          break;
        case 'number':
          a.appendDouble(value as number);
          break;
        case 'boolean':
          a.appendBoolean(value as boolean);
          break;
        case 'date':
          a.appendDate(dateValue(Date.parse(`${value as string}T00:00:00Z`) / DAY_MS));
          break;
        default:
          a.appendVarchar(value as string);
      }
    }
    a.endRow();
  }

  close(): void {
    this.appender.closeSync();
  }
}
