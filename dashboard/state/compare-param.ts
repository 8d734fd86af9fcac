/** The most regions a comparison shows side by side. */
export const MAX_COMPARED = 4;

const CODE = /^(CN|\d{2}|\d{4}|\d{6}|\d{9})$/;

/** The compared regions of a URL (`compare=6102,610202,CN`): known code shapes, each once, at most four. */
export function parseCompare(text: string | null | undefined): string | null {
  const codes = compareCodes(text);
  return codes.length ? codes.join(',') : null;
}

/** The codes of a compare parameter, in order. */
export function compareCodes(text: string | null | undefined): string[] {
  const codes: string[] = [];
  for (const code of (text ?? '').split(',')) {
    if (CODE.test(code) && !codes.includes(code) && codes.length < MAX_COMPARED) codes.push(code);
  }
  return codes;
}
