/**
 * A GB18030 encoder built from the platform's decoder (Node's TextEncoder only does UTF-8): the
 * two-byte table comes from decoding every two-byte sequence, the four-byte BMP table (characters
 * outside GBK) from decoding every four-byte sequence below 0x85, and supplementary-plane characters
 * by the standard's arithmetic. Tables are built on first use. Whatever this encodes, TextDecoder
 * ('gb18030') decodes back to the same text (tests/demo check it on every registry name).
 */

let twoByte: Uint32Array | undefined;
let fourByte: Uint32Array | undefined;

function decodeOne(decoder: TextDecoder, bytes: Uint8Array): number | undefined {
  const s = decoder.decode(bytes);
  return s.length === 1 && s !== '\uFFFD' ? s.charCodeAt(0) : undefined;
}

function twoByteTable(): Uint32Array {
  if (twoByte) return twoByte;
  const table = new Uint32Array(65_536);
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      pair[0] = b1;
      pair[1] = b2;
      const c = decodeOne(decoder, pair);
      if (c !== undefined && c >= 0x80 && table[c] === 0) table[c] = (b1 << 8) | b2;
    }
  }
  twoByte = table;
  return table;
}

function fourByteTable(): Uint32Array {
  if (fourByte) return fourByte;
  const table = new Uint32Array(65_536);
  const decoder = new TextDecoder('gb18030');
  const quad = new Uint8Array(4);
  for (let b1 = 0x81; b1 <= 0x84; b1++) {
    for (let b2 = 0x30; b2 <= 0x39; b2++) {
      for (let b3 = 0x81; b3 <= 0xfe; b3++) {
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          quad[0] = b1;
          quad[1] = b2;
          quad[2] = b3;
          quad[3] = b4;
          const c = decodeOne(decoder, quad);
          if (c !== undefined && c >= 0x80 && table[c] === 0)
            table[c] = ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
        }
      }
    }
  }
  fourByte = table;
  return table;
}

/** Encodes text as GB18030; throws on a lone surrogate or a character the decoder cannot produce. */
export function encodeGb18030(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) throw new Error(`cannot encode a lone surrogate at ${i} in GB18030`);
      i++;
      let linear = ((c - 0xd800) << 10) + (low - 0xdc00) + 189_000;
      const b4 = 0x30 + (linear % 10);
      linear = Math.floor(linear / 10);
      const b3 = 0x81 + (linear % 126);
      linear = Math.floor(linear / 126);
      const b2 = 0x30 + (linear % 10);
      out[n++] = 0x81 + Math.floor(linear / 10);
      out[n++] = b2;
      out[n++] = b3;
      out[n++] = b4;
      continue;
    }
    const two = twoByteTable()[c]!;
    if (two) {
      out[n++] = two >>> 8;
      out[n++] = two & 0xff;
      continue;
    }
    const four = fourByteTable()[c]!;
    if (!four) throw new Error(`cannot encode U+${c.toString(16).toUpperCase().padStart(4, '0')} in GB18030`);
    out[n++] = four >>> 24;
    out[n++] = (four >>> 16) & 0xff;
    out[n++] = (four >>> 8) & 0xff;
    out[n++] = four & 0xff;
  }
  return out.slice(0, n);
}
