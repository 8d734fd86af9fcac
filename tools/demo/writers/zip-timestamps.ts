/**
 * Sets every entry's DOS modification time in a ZIP archive to 1980-01-01 00:00. exceljs zips with the
 * current time (local time, even), so without this two runs never give the same XLSX bytes. Times are
 * not covered by the CRCs, so patching them in place keeps the archive valid.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** A copy of a ZIP archive with fixed entry times. */
export function normalizeZipTimestamps(zip: Uint8Array): Uint8Array {
  const bytes = Buffer.from(zip);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP archive: no end of central directory');
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new Error('corrupt ZIP central directory');
    bytes.writeUInt16LE(0, at + 12);
    bytes.writeUInt16LE(DOS_DATE_1980_01_01, at + 14);
    const local = bytes.readUInt32LE(at + 42);
    if (bytes.readUInt32LE(local) !== LOCAL) throw new Error('corrupt ZIP local header');
    bytes.writeUInt16LE(0, local + 10);
    bytes.writeUInt16LE(DOS_DATE_1980_01_01, local + 12);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}
