import {
  asText,
  isDeeperThan,
  isoTime,
  isYes,
  outputTime,
  quote,
  records,
  requiredText,
  stringList,
  stringOrNull,
} from '../src/values';
import { inputErrorText } from './helpers/operations';

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

describe('isoTime edges', () => {
  it.each([
    ['blanks around ISO text', ' 2023-11-20 ', '2023-11-20'],
    ['the 31st of a 30-day month', '2023-04-31', null],
    ['a month 13', '2023-13-01', null],
    ['the first second of Unix time', 0, null],
    ['a timestamp before 1970', -1, null],
    ['the last second of year 9999', 253402300799, '9999-12-31T23:59:59.000Z'],
    ['a second after it', 253402300800, null],
    ['an infinite timestamp', Infinity, null],
    ['NaN', NaN, null],
  ])('%s', (_case, value, expected) => {
    expect(isoTime(value)).toBe(expected);
  });
});

describe('isDeeperThan', () => {
  it.each([
    ['a scalar', 1, 0, false],
    ['an object at the limit', { a: { b: 1 } }, 2, false],
    ['an object one past the limit', { a: { b: 1 } }, 1, true],
    ['a list inside an object', { a: [[1]] }, 3, false],
    ['a list one past the limit', { a: [[1]] }, 2, true],
  ])('%s', (_case, value, max, deeper) => {
    expect(isDeeperThan(value, max)).toBe(deeper);
  });
});

describe('readers of unknown values', () => {
  it.each([
    ['text', 'a', 'a'],
    ['a number', 4.5, '4.5'],
    ['NaN', NaN, null],
    ['Infinity', Infinity, null],
    ['a boolean', true, null],
    ['an object', {}, null],
  ])('stringOrNull: %s', (_case, value, expected) => {
    expect(stringOrNull(value)).toBe(expected);
  });

  it('stringList keeps the texts and numbers of a list, and nothing else', () => {
    expect(stringList(['a', 2, null, { b: 1 }, NaN])).toEqual(['a', '2']);
    expect(stringList('a')).toEqual([]);
  });

  it('records keeps the objects of a list, and nothing else', () => {
    expect(records([{ a: 1 }, null, 'x', [1]])).toEqual([{ a: 1 }]);
    expect(records({ a: 1 })).toEqual([]);
  });

  it.each([
    ['text', 'a', 'a'],
    ['a number', 42, '42'],
    ['a boolean', false, 'false'],
    ['a bigint', BigInt(12), '12'],
    ['an object', { toString: () => 'x' }, undefined],
    ['null', null, undefined],
  ])('asText: %s', (_case, value, expected) => {
    expect(asText(value)).toBe(expected);
  });

  it.each([
    ['text', 'Ana', '"Ana"'],
    ['a line break, shown as �', 'a\nb', '"a\ufffdb"'],
    ['every control character', '\u0000a\u0007', '"\ufffda\ufffd"'],
    ['a list', ['a'], '"a list"'],
    ['an object', { a: 1 }, '"an object"'],
    ['a function', () => 1, '"a function"'],
    ['null', null, '""'],
    ['nothing', undefined, '""'],
    ['a long text, shortened', 'x'.repeat(100), `"${'x'.repeat(79)}…"`],
  ])('quote: %s', (_case, value, expected) => {
    expect(quote(value)).toBe(expected);
  });

  it('requiredText answers trimmed text or names the field that is empty', () => {
    expect(requiredText(' Hi ', 'Text', 'a message')).toBe('Hi');
    expect(inputErrorText(() => requiredText(' ', 'Text', 'a message'))).toBe(
      'Text: fill in or map a message; this run got an empty value.',
    );
  });

  it.each([
    ['true', true],
    [' Yes ', true],
    ['1', true],
    ['on', true],
    [true, true],
    [1, true],
    ['false', false],
    ['no', false],
    ['', false],
    [undefined, false],
  ])('isYes(%p) is %p', (value, yes) => {
    expect(isYes(value)).toBe(yes);
  });
});
