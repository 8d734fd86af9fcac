import { CliError } from '../cli-error.ts';
import { sniffBinary } from './detect-format.ts';

/** Text decoded from a file, and the encoding it was found in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Decodes a text file, detecting its encoding: a BOM if there is one, else strict UTF-8, else GB18030
 * (a superset of GBK and GB2312). A file with NUL bytes or that is neither is refused as not text.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict('utf-8', bytes.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: strict('utf-16le', bytes.subarray(2), file), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: strict('utf-16be', bytes.subarray(2), file), encoding: 'utf-16be' };
  }
  const binary = sniffBinary(bytes.subarray(0, 8));
  if (binary) throw new CliError(`not a text file: ${file} is ${binary}`);
  if (bytes.subarray(0, 65_536).includes(0)) throw new CliError(`not a text file: ${file} contains binary data`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: bureaus' Excel exports on Chinese Windows are GBK, which GB18030 contains.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new CliError(`unknown text encoding: ${file} is neither UTF-8 nor GB18030/GBK`);
  }
}

function strict(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CliError(`invalid ${encoding} text: ${file} has bytes that are not ${encoding}`);
  }
}
