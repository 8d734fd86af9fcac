/** The first place a text calls the sources "seeds", names a source file or mentions the SPEC, or null. */
export function internalWords(text: string): string | null {
  return (
    (text.match(/.{0,20}(\bseeds?\b|\b00[0-4]_[0-9a-f]|§).{0,20}/i) ?? text.match(/.{0,20}\bSPEC\b.{0,20}/))?.[0] ??
    null
  );
}
