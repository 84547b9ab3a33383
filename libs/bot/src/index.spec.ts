import { INTENTS, NluService, resolveDateRange } from '@o2o/bot';

describe('@o2o/bot public API', () => {
  it('exposes the NLU through the package alias', () => {
    expect(typeof NluService).toBe('function');
    expect(typeof resolveDateRange).toBe('function');
    expect(INTENTS).toHaveLength(20);
  });
});
