import type { ColumnSpec, ColumnType } from './column.ts';
import { DATASETS } from './datasets.ts';

function typeText(type: ColumnType): string {
  switch (type.kind) {
    case 'code':
      return `${type.digits}-digit code (text)`;
    case 'year':
      return 'year, not in the future';
    case 'integer':
      return type.min !== undefined ? `whole number ≥ ${type.min}` : 'whole number';
    case 'number': {
      const range = [
        type.min !== undefined ? `≥ ${type.min}` : '',
        type.max !== undefined ? `≤ ${type.max}` : '',
      ].filter(Boolean);
      return `${type.money ? 'amount in yuan' : 'number'}${range.length ? ` ${range.join(', ')}` : ''}`;
    }
    case 'text':
      return 'text';
    case 'boolean':
      return 'yes/no (是/否, 有/无, Y/N, 1/0)';
    case 'date':
      return 'date (2024-03-05, 2024/3/5, 2024年3月5日, Excel date)';
    case 'enum':
      return Object.entries(type.values)
        .map(([value, aliases]) => `\`${value}\`${aliases.length ? ` (${aliases.join(', ')})` : ''}`)
        .join('; ');
  }
}

function row(column: ColumnSpec): string {
  const units = column.units ? ` Units in the header: ${Object.keys(column.units).join(', ')}.` : '';
  const personal = column.personal ? ' Personal: hashed with a salt as it is read.' : '';
  return `| \`${column.name}\` | ${column.aliases.join(', ')} | ${typeText(column.type)}.${units}${personal} | ${column.required ? 'yes' : 'no'} |`;
}

/** The inbox contract as Markdown, written from the dataset specs so the docs cannot drift from the code. */
export function contractMarkdown(): string {
  const parts = [
    '# The inbox contract',
    '',
    '<!-- Generated from pipeline/schema by `npx tsx pipeline/schema/write-contract-docs.ts`; a test checks it is current. -->',
    '',
    'Files go under `<inbox>/<dataset>/`, at any depth. Headers match the column name or any alias,',
    'ignoring case, spaces, underscores and full-width forms; a unit may follow in brackets.',
    'Columns that match nothing are kept aside and reported.',
  ];
  for (const dataset of DATASETS) {
    parts.push(
      '',
      `## ${dataset.name}`,
      '',
      `Key: (${dataset.key.join(', ')}). Two rows with the same key: identical ones are kept once with a warning; conflicting ones are all quarantined.`,
      '',
      '| column | aliases | type | required |',
      '|---|---|---|---|',
      ...dataset.columns.map(row),
    );
  }
  parts.push(
    '',
    '## Rules across columns',
    '',
    '- communities: `urban_rural` defaults to the NBS code rule (last three digits 001-199 and 400-499 urban, 200-399 and 500-599 rural).',
    '- communities: a code in a known county that the registry lacks is kept, with a warning, when a communities row names it; a code whose county is unknown is quarantined.',
    '- facilities: `floor_area_m2` is required when a `service_center` is present.',
    '- staff: `left_on` must not be before `hired_on`; neither may be in the future.',
    '- funding: a `unit` cell of 万元 multiplies the amount by 10,000 unless the header already declares a unit, which it must then agree with. Amounts are stored in yuan.',
    '',
  );
  return parts.join('\n');
}
