import { formatLpNumber, LpTextWriter } from './lp-text.writer';

describe('formatLpNumber', () => {
  it('writes the shortest round-trip decimal without binary noise', () => {
    expect(formatLpNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatLpNumber(15)).toBe('15');
    expect(formatLpNumber(-0)).toBe('0');
    expect(formatLpNumber(1e-7)).toBe('1e-7');
    expect(formatLpNumber(2.5e21)).toBe('2.5e+21');
  });

  it('refuses values LP format cannot carry', () => {
    expect(() => formatLpNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatLpNumber(Infinity)).toThrow(RangeError);
  });
});

describe('LpTextWriter', () => {
  it('wraps long expressions so no line exceeds the LP format limit', () => {
    const lp = new LpTextWriter();
    lp.section('Subject To');
    lp.begin('cap_0');
    for (let i = 0; i < 500; i++) lp.term(0.123456789, `x${i}`);
    lp.term(-40, 'y0');
    expect(lp.endConstraint('<=', 0)).toBe(true);
    const lines = lp.toString().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(200);
    expect(lines[1]).toMatch(/^ cap_0: 0\.123456789 x0 \+ 0\.123456789 x1/);
    expect(lp.toString()).toMatch(/- 40 y0 <= 0\n$/);
  });

  it('skips zero terms and drops constraints without terms', () => {
    const lp = new LpTextWriter();
    lp.begin('empty');
    lp.term(0, 'x1');
    expect(lp.endConstraint('>=', 0)).toBe(false);
    lp.begin('one');
    lp.term(1, 'x1');
    lp.term(0, 'x2');
    expect(lp.endConstraint('<=', 1)).toBe(true);
    expect(lp.toString()).toBe(' one: x1 <= 1\n');
  });

  it('writes bounds compactly', () => {
    const lp = new LpTextWriter();
    lp.bound('x1', 0, 1);
    lp.bound('y1', 1, 1);
    lp.bound('y2', 0.5, 2);
    expect(lp.toString()).toBe(' x1 <= 1\n y1 = 1\n 0.5 <= y2 <= 2\n');
  });
});
