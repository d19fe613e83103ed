import { parseSpan } from '../../src/duration.js';

describe('parseSpan', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    [' 2 h ', 7_200_000],
    ['7d', 604_800_000],
  ])('%j', (text, ms) => {
    expect(parseSpan(text)).toBe(ms);
  });
  it.each(['', '1 week', '-1h', '1.5h', 'h'])('refuses %j', (text) => {
    expect(parseSpan(text)).toBeUndefined();
  });
  it('only the units and digits it is given', () => {
    expect(parseSpan('7d', { units: ['s', 'm', 'h'] })).toBeUndefined();
    expect(parseSpan('1234567s', { maxDigits: 6 })).toBeUndefined();
    expect(parseSpan('123456s', { maxDigits: 6 })).toBe(123_456_000);
  });
});
