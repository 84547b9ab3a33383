/**
 * Time source of the fake. Tests move it instead of sleeping, e.g. to expire access tokens or to make
 * a score timestamp "older" than the stored one without waiting.
 */
export class PlatformClock {
  private offsetMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  nowMs(): number {
    return this.source() + this.offsetMs;
  }

  /** JWT NumericDate (whole seconds). */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  date(): Date {
    return new Date(this.nowMs());
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
