import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CliError } from '../cli-error.ts';
import { sniffBinary } from './detect-format.ts';
import { inboxIoError } from './inbox-io-error.ts';

/** What one streaming pass over a text file found: its encoding and where its blank lines are. */
export interface TextScan {
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Physical numbers of the empty lines (DuckDB's reader skips them, the file's numbering does not). */
  blankLines: number[];
  /** The first bytes of the file (up to 64 KiB), for the header. */
  head: Buffer;
  /** True when the head is the whole file. */
  headIsWhole: boolean;
}

const HEAD_BYTES = 65_536;

/** How many bytes at the end of `chunk` start a UTF-8 character that the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Reads a text file once, in chunks: detects its encoding as the reference decoder does (a BOM, else
 * strict UTF-8, else GB18030, told apart later by a strict decoder) and indexes its empty lines.
 */
export async function scanText(path: string, file: string): Promise<TextScan> {
  const blankLines: number[] = [];
  let line = 1;
  // Bytes of the current line so far, and whether they are a lone carriage return (a blank CRLF line).
  let length = 0;
  let onlyCr = false;
  let utf8 = true;
  let carry = Buffer.alloc(0);
  let head = Buffer.alloc(0);
  let total = 0;
  try {
    for await (const piece of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const chunk = piece as Buffer;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      total += chunk.length;
      if (utf8) {
        const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const tail = incompleteTail(joined);
        utf8 = isUtf8(joined.subarray(0, joined.length - tail));
        carry = Buffer.from(joined.subarray(joined.length - tail));
      }
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        const end = nl === -1 ? chunk.length : nl;
        if (end > from) {
          onlyCr = length === 0 && end - from === 1 && chunk[from] === 13;
          length += end - from;
        }
        if (nl === -1) break;
        if (length === 0 || (length === 1 && onlyCr)) blankLines.push(line);
        line++;
        length = 0;
        from = nl + 1;
      }
    }
  } catch (error) {
    const checked = inboxIoError(error, 'file', file);
    if (checked instanceof CliError) throw checked;
    throw new CliError(`cannot read file: ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  if (carry.length) utf8 = false;
  const headIsWhole = total <= HEAD_BYTES;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    if (!utf8) throw new CliError(`invalid utf-8 text: ${file} has bytes that are not utf-8`);
    return { encoding: 'utf-8-bom', blankLines, head, headIsWhole };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', blankLines, head, headIsWhole };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', blankLines, head, headIsWhole };
  const binary = sniffBinary(head.subarray(0, 8));
  if (binary) throw new CliError(`not a text file: ${file} is ${binary}`);
  if (head.includes(0)) throw new CliError(`not a text file: ${file} contains binary data`);
  return { encoding: utf8 ? 'utf-8' : 'gb18030', blankLines, head, headIsWhole };
}

/**
 * Transcodes a GB18030/GBK file to UTF-8 in a temporary file, chunk by chunk with a strict decoder,
 * so a file that is neither UTF-8 nor GB18030 is refused as the reference decoder refuses it.
 */
export async function transcodeToUtf8(path: string, target: string, file: string): Promise<void> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out = createWriteStream(target);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (!out.write(text)) await once(out, 'drain');
    }
    out.write(decoder.decode());
  } catch (error) {
    out.destroy();
    if (error instanceof TypeError)
      throw new CliError(`unknown text encoding: ${file} is neither UTF-8 nor GB18030/GBK`);
    throw error;
  }
  out.end();
  await once(out, 'finish');
}
