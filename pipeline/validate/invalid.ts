/** Why a cell could not be used: a stable rule id (for counting) and a message naming the value. */
export class Invalid {
  constructor(
    readonly reason: string,
    readonly rule: string,
  ) {}
}

/** What a value parser returns: the value, null for a blank cell, or why it failed. */
export type Parsed<T> = T | null | Invalid;
