import { isoTime, outputTime } from '../src/values';

describe('isoTime (event times: ISO 8601 or nothing)', () => {
  it.each([
    ['ISO 8601 as it is', '2023-11-20T17:14:22Z', '2023-11-20T17:14:22Z'],
    ["Callbell's funnel-style time", '2025-12-18 20:00:19 +0100', '2025-12-18T20:00:19+01:00'],
    ['a Unix timestamp in seconds', 1700500462, '2023-11-20T17:14:22.000Z'],
    ['a guess Date.parse would make', 'March 7', null],
    ['a number as text', '1', null],
    ['an impossible date', '2023-02-30T10:00:00Z', null],
    ['not a time at all', { at: 1 }, null],
  ])('%s', (_case, value, expected) => {
    expect(isoTime(value)).toBe(expected);
  });
});

describe('outputTime (datetime output fields: ISO where readable, nothing lost)', () => {
  it.each([
    ['ISO 8601 as it is', '2023-11-20T17:14:22Z', '2023-11-20T17:14:22Z'],
    [
      "Callbell's funnel-style time, made ISO",
      '2025-12-18 20:00:19 +0100',
      '2025-12-18T20:00:19+01:00',
    ],
    ['an undocumented form, kept as sent', '20/11/2023 17:14', '20/11/2023 17:14'],
    ['no time', null, null],
    ['an object', { at: 1 }, null],
  ])('%s', (_case, value, expected) => {
    expect(outputTime(value)).toBe(expected);
  });
});
