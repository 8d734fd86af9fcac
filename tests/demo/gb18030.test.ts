import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../tools/demo/writers/gb18030.ts';
import { registryFiles } from '../../pipeline/registry/files.ts';

const decode = (bytes: Uint8Array): string => new TextDecoder('gb18030', { fatal: true }).decode(bytes);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('the GB18030 encoder', () => {
  it('encodes ASCII as itself and common characters as their GBK bytes', () => {
    expect(hex(encodeGb18030('a,1\r\n'))).toBe('612c310d0a');
    expect(hex(encodeGb18030('你'))).toBe('c4e3');
    expect(hex(encodeGb18030('金额(万元)'))).toBe(
      hex(Buffer.from([0xbd, 0xf0, 0xb6, 0xee, 0x28, 0xcd, 0xf2, 0xd4, 0xaa, 0x29])),
    );
  });

  it('encodes characters outside GBK as four-byte sequences, supplementary planes included', () => {
    expect(hex(encodeGb18030('\u0080'))).toBe('81308130');
    expect(hex(encodeGb18030('𠀀'))).toBe('95328236');
    expect(decode(encodeGb18030('€㐀䶵𠀀𪚥'))).toBe('€㐀䶵𠀀𪚥');
  });

  it('round-trips every character of every registry name through TextDecoder', async () => {
    const files = registryFiles();
    const text = [files.provinces, files.cities, files.counties, files.townships, files.communities];
    const chars = new Set<string>();
    for (const f of text) for (const ch of await readFile(f, 'utf8')) chars.add(ch);
    const all = [...chars].join('');
    expect(chars.size).toBeGreaterThan(4_000);
    expect(decode(encodeGb18030(all))).toBe(all);
  });

  it('round-trips the whole Basic Multilingual Plane outside the private use area', () => {
    let bmp = '';
    for (let c = 0x20; c <= 0xfffc; c++) if (c < 0xd800 || c > 0xf8ff) bmp += String.fromCharCode(c);
    expect(decode(encodeGb18030(bmp))).toBe(bmp);
  });

  it('refuses the private-use code points that no GB18030 sequence decodes to under the 2022 mapping', () => {
    expect(() => encodeGb18030('\ue5e5')).toThrow(/U\+E5E5/);
    expect(() => encodeGb18030('\ue78d')).toThrow(/U\+E78D/);
  });

  it('refuses a lone surrogate', () => {
    expect(() => encodeGb18030('\ud800x')).toThrow(/surrogate/);
  });
});
