import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../pipeline/ingest/decode-text.ts';

const gbk = new Uint8Array([0xc9, 0xe7, 0xc7, 0xf8]); // 社区 in GBK

describe('decodeText', () => {
  it('detects UTF-8 with and without a BOM', () => {
    const utf8 = new TextEncoder().encode('社区');
    expect(decodeText(utf8, 'a.csv')).toEqual({ text: '社区', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'a.csv')).toEqual({
      text: '社区',
      encoding: 'utf-8-bom',
    });
  });
  it('falls back to GB18030 for GBK bytes without being told', () => {
    expect(decodeText(gbk, 'a.csv')).toEqual({ text: '社区', encoding: 'gb18030' });
  });
  it('refuses binary content, naming the file and what it looks like', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(() => decodeText(png, 'communities/scan.csv')).toThrow('not a text file: communities/scan.csv is an image');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(() => decodeText(zip, 'x.csv')).toThrow('probably an Excel workbook (save it as .xlsx)');
    expect(() => decodeText(new Uint8Array([0x41, 0, 0x42]), 'x.csv')).toThrow('contains binary data');
  });
});
