import { IdentifierFormats } from './identifier-formats';
import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('is a version 7 UUID ordered by time', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(IdentifierFormats.isUuid(a)).toBe(true);
    expect(a[14]).toBe('7');
    expect('89ab').toContain(a[19]);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 10_000 }, () => uuidV7())).size).toBe(10_000);
  });
});
