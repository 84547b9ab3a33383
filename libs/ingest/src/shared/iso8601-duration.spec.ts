import { isIsoDuration, isoDurationToSeconds } from './iso8601-duration';

describe('ISO 8601 durations', () => {
  it.each([
    ['PT4H35M59.14S', 16559.14],
    ['P16559.14S', 16559.14],
    ['PT1234S', 1234],
    ['P1DT1H', 90000],
    ['P4W', 2419200],
    ['PT0,5S', 0.5],
  ])('reads %s as %d s', (value, seconds) => {
    expect(isIsoDuration(value)).toBe(true);
    expect(isoDurationToSeconds(value)).toBeCloseTo(seconds, 6);
  });

  it.each(['P', 'PT', '1H', 'P4W1D', 'PT1H30', 'P1.5', '-PT1S', 'P1Y2'])('refuses %s', (value) => {
    expect(isIsoDuration(value)).toBe(false);
    expect(isoDurationToSeconds(value)).toBeNull();
  });
});
