import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import type { BriefBlock, BriefDocument, BriefItem } from './brief-document.ts';

// Fonts as Word and WPS name them; the Latin fallbacks keep digits and Latin text even, and a system
// without 仿宋/黑体 (LibreOffice on Linux) substitutes its own CJK serif and sans.
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
const TITLE_FONT = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: '方正小标宋简体',
  cs: 'Times New Roman',
};
/** Sizes in half-points: 三号 16 pt headings as 公文 sets them, 四号 14 pt text, 五号 10.5 pt notes, 小五 9 pt tables, 二号 22 pt title. */
const SIZE = { title: 44, heading: 32, subheading: 28, body: 28, small: 21, table: 18, header: 18 };
/** 公文 margins (GB/T 9704): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const MARGIN = { top: 37, bottom: 35, left: 28, right: 26 };
const TEXT_WIDTH_MM = 210 - MARGIN.left - MARGIN.right;
/** The text width in the pixels (96 to the inch) docx sizes pictures in. */
const PICTURE_WIDTH_PX = Math.floor((TEXT_WIDTH_MM / 25.4) * 96);
/** Twips of millimetres, rounded (docx's own helper floors, which makes A4 one twip short). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ text, font: BODY_FONT, size: SIZE.body, ...options });

function paragraph(text: string, role?: string): Paragraph {
  const small = role === 'note';
  return new Paragraph({
    // A visit's reason and distinction stay on the page of its table, as in the PDF.
    keepNext: role === 'reason' || role === 'distinction',
    spacing: { after: 80, line: small ? 300 : 360 },
    indent: role === 'reason' || role === 'distinction' ? undefined : { firstLine: mm(10) },
    children: [run(text, { size: small ? SIZE.small : SIZE.body, bold: role === 'reason' })],
  });
}

function item(i: BriefItem, reference: string, level = 0): Paragraph {
  return new Paragraph({
    numbering: { reference, level },
    spacing: { after: 60, line: 340 },
    children: [run(i.text), ...i.notes.map((n) => run(` ${n}`, { size: SIZE.small, color: '555555' }))],
  });
}

function table(b: Extract<BriefBlock, { kind: 'table' }>): Table {
  const widths = b.role === 'gaps' ? [0.2, 0.11, 0.2, 0.2, 0.16, 0.13] : [0.44, 0.28, 0.28];
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: Math.round(mm(TEXT_WIDTH_MM) * widths[i]!), type: WidthType.DXA },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      shading: head ? { fill: 'EEEEEE' } : undefined,
      children: [
        new Paragraph({
          alignment: b.numeric[i] && !head ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, font: head ? HEADING_FONT : BODY_FONT, size: SIZE.small, bold: false })],
        }),
      ],
    });
  return new Table({
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round(mm(TEXT_WIDTH_MM) * w)),
    rows: [
      // The header row repeats on every page the table runs over.
      new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((x, i) => cell(x, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i, false)) })),
    ],
  });
}

/** A chart's or map's title, kept on the page of the figure it names. */
const figureTitle = (text: string) =>
  new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 60 },
    children: [new TextRun({ text, font: HEADING_FONT, size: SIZE.small })],
  });

function chart(b: Extract<BriefBlock, { kind: 'chart' }>): Paragraph[] {
  // A native Word chart: its data sits in an embedded workbook, so "Edit Data" works in Word and WPS.
  // Word draws the first category at the bottom of a bar chart: reverse so the order matches the page.
  const bars = [...b.bars].reverse();
  return [
    figureTitle(b.title),
    new Paragraph({
      keepNext: true,
      children: [
        new ChartRun({
          type: 'bar',
          categories: bars.map((x) => x.label),
          series: [{ name: b.title, values: bars.map((x) => Math.round(x.value * 10) / 10), color: 'D55E00' }],
          legend: false,
          dataLabels: { value: true, numberFormat: '0' },
          font: { name: '黑体' },
          transformation: { width: 600, height: Math.max(200, bars.length * 30 + 60) },
          altText: { name: b.id, title: b.title, description: b.alt },
        }),
      ],
    }),
    paragraph(b.note, 'note'),
  ];
}

/** A picture of a block the page drew (a map), as PNG bytes and their pixel size. */
export interface BriefPicture {
  png: Uint8Array;
  width: number;
  height: number;
}

/** The map as its picture, the title above it and the source and 审图号 lines as its caption right under it. */
function map(b: Extract<BriefBlock, { kind: 'map' }>, picture: BriefPicture | undefined): Paragraph[] {
  // A brief without its map would pass for complete: a missing picture is the caller's error.
  if (!picture) throw new Error(`no picture for the brief's map: ${b.id}`);
  const width = Math.min(PICTURE_WIDTH_PX, picture.width);
  const height = Math.round((picture.height / picture.width) * width);
  return [
    figureTitle(b.title),
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: picture.png,
          transformation: { width, height },
          altText: { name: b.id, title: b.title, description: b.alt },
        }),
      ],
    }),
    ...b.caption.map(
      (line, i) =>
        new Paragraph({
          keepNext: i < b.caption.length - 1 || b.note !== null,
          spacing: { after: i === b.caption.length - 1 ? 120 : 0 },
          children: [run(line, { size: SIZE.table, color: '555555' })],
        }),
    ),
    ...(b.note ? [paragraph(b.note, 'note')] : []),
  ];
}

function blocks(
  list: readonly BriefBlock[],
  numbering: () => string,
  pictures: ReadonlyMap<string, BriefPicture>,
): (Paragraph | Table)[] {
  return list.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'heading':
        return [
          new Paragraph({
            heading: b.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            keepNext: true,
            spacing: { before: 160, after: 80 },
            children: [
              new TextRun({
                text: b.text,
                font: b.level === 3 ? HEADING_FONT : BODY_FONT,
                size: b.level === 3 ? SIZE.subheading : SIZE.body,
                bold: b.level === 4,
              }),
            ],
          }),
        ];
      case 'paragraph':
        return [paragraph(b.text, b.role)];
      case 'list': {
        const reference = b.ordered ? numbering() : 'bullets';
        return b.items.map((i) => item(i, reference));
      }
      case 'table':
        return [table(b), new Paragraph({ spacing: { after: 60 }, children: [] })];
      case 'chart':
        return chart(b);
      case 'map':
        return map(b, pictures.get(b.id));
    }
  });
}

/**
 * The Word brief of a brief document: A4 with 公文 margins, 黑体 headings and 仿宋 text, the tables as
 * Word tables with repeating header rows, the chart as a native chart, the map as the PNG `pictures`
 * holds for it (rendered by the browser from the page's own map), the 示例数据 mark in every page's
 * header and page numbers in the footer. Pack it with Packer.toBlob or Packer.toBuffer.
 */
export function briefDocx(doc: BriefDocument, pictures: ReadonlyMap<string, BriefPicture> = new Map()): Document {
  let lists = 0;
  const ordered: string[] = [];
  const numbering = () => {
    const reference = `ordered-${++lists}`;
    ordered.push(reference);
    return reference;
  };
  const body = doc.sections.flatMap((s) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      keepNext: true,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: s.heading, font: HEADING_FONT, size: SIZE.heading })],
    }),
    ...blocks(s.blocks, numbering, pictures),
  ]);
  const headerText = doc.mark ? `${doc.mark} · ${doc.title}` : doc.title;
  return new Document({
    creator: 'community-balance',
    title: doc.title,
    description: doc.markLine ?? doc.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: SIZE.body } },
        // Word's built-in headings are blue Calibri: 公文 headings are black.
        title: { run: { font: TITLE_FONT, size: SIZE.title, color: '000000' } },
        heading1: { run: { font: HEADING_FONT, size: SIZE.heading, color: '000000', bold: false } },
        heading2: { run: { font: HEADING_FONT, size: SIZE.subheading, color: '000000', bold: false } },
        heading3: { run: { font: BODY_FONT, size: SIZE.body, color: '000000', bold: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 480, hanging: 360 } } },
            },
          ],
        },
        ...ordered.map((reference) => ({
          reference,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 480, hanging: 360 } } },
            },
          ],
        })),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(MARGIN.top),
              bottom: mm(MARGIN.bottom),
              left: mm(MARGIN.left),
              right: mm(MARGIN.right),
              header: mm(15),
              footer: mm(15),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    text: headerText,
                    font: HEADING_FONT,
                    size: SIZE.header,
                    color: doc.mark ? 'B00000' : '555555',
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: BODY_FONT, size: SIZE.small }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...(doc.markLine
            ? [
                new Paragraph({
                  children: [run(doc.markLine, { size: SIZE.small, color: 'B00000', bold: true })],
                }),
              ]
            : []),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 120 },
            children: [new TextRun({ text: doc.title, font: TITLE_FONT, size: SIZE.title })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`${doc.dataYear}    ${doc.published}`, { size: SIZE.small })],
          }),
          ...body,
        ],
      },
    ],
  });
}

/** The file name of a brief: brief-CODE-YEAR[-en].docx or .pdf. */
export function briefFileName(doc: Pick<BriefDocument, 'region' | 'year' | 'lang'>, ext: 'pdf' | 'docx'): string {
  return `brief-${doc.region}-${doc.year}${doc.lang === 'en' ? '-en' : ''}.${ext}`;
}
