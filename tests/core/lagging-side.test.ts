import { describe, expect, it } from 'vitest';
import { laggingSide } from '../../core/metrics/lagging-side.ts';

describe('laggingSide', () => {
  it('reads a positive gap as group b behind where higher is better', () => {
    expect(laggingSide(0.3, 'higher')).toBe('b');
    expect(laggingSide(-0.3, 'higher')).toBe('a');
  });

  it('reads a positive turnover gap as group a (urban) behind, since lower is better', () => {
    expect(laggingSide(0.029, 'lower')).toBe('a');
    expect(laggingSide(-0.029, 'lower')).toBe('b');
  });

  it('names no side for a level gap', () => {
    expect(laggingSide(0, 'higher')).toBeNull();
  });
});
