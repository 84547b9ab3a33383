import { backoffDelay } from './job-queue';
import { JobHandlerRegistry } from './job-handler.registry';

describe('backoffDelay', () => {
  it('grows exponentially with jitter in [ceiling/2, ceiling]', () => {
    expect(backoffDelay(1000, 1, () => 0)).toBe(500);
    expect(backoffDelay(1000, 1, () => 1)).toBe(1000);
    expect(backoffDelay(1000, 4, () => 1)).toBe(8000);
    expect(backoffDelay(1000, 4, () => 0)).toBe(4000);
  });
  it('is capped at one hour', () => {
    expect(backoffDelay(1000, 40, () => 1)).toBe(3_600_000);
  });
});

describe('JobHandlerRegistry', () => {
  it('refuses a second handler for the same job name', () => {
    const registry = new JobHandlerRegistry();
    registry.register('a', async () => 1);
    expect(() => registry.register('a', async () => 2)).toThrow(/already registered/);
    expect(registry.names()).toEqual(['a']);
  });
});
