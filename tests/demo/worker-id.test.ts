import { describe, expect, it } from 'vitest';
import { POSTINGS_PER_COMMUNITY, workerId } from '../../tools/demo/worker-id.ts';

describe('synthetic worker ids', () => {
  it('are W and ten digits', () => {
    expect(workerId(1, 0, 0)).toMatch(/^W\d{10}$/);
    expect(workerId(1, 620_572, 999)).toMatch(/^W\d{10}$/);
  });

  it('are unique across communities and postings, and change with the seed', () => {
    const ids = new Set<string>();
    for (let row = 0; row < 620_573; row += 997) for (let p = 0; p < 60; p++) ids.add(workerId(1, row, p));
    expect(ids.size).toBe(Math.ceil(620_573 / 997) * 60);
    expect(workerId(2, 5, 5)).not.toBe(workerId(1, 5, 5));
  });

  it('refuse more postings than a community has numbers for', () => {
    expect(() => workerId(1, 0, POSTINGS_PER_COMMUNITY)).toThrow();
  });
});
