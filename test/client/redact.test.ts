import { REDACTED, redactor } from '../../src/client/redact';

const KEY = 'test_k3y-SHOULD-NEVER-LEAK-5f2c9a';
/**
 * Built inside each test, never at load: StrykerJS counts only what runs inside a test as that
 * test's coverage, and would not re-run a test for a mutant its module-level redactor holds.
 */
const hide = () => redactor(KEY);

const percent = (text: string) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

describe('redactor: the key in every form an answer may echo it', () => {
  it.each([
    ['as sent', `key ${KEY} here`, `key ${REDACTED} here`],
    ['in upper case', `key ${KEY.toUpperCase()}`, `key ${REDACTED}`],
    ['in lower case', `key ${KEY.toLowerCase()}`, `key ${REDACTED}`],
    ['percent-encoded', `key=${percent(KEY)}`, `key=${REDACTED}`],
    ['percent-encoded twice', `key=${percent(KEY).replace(/%/g, '%25')}`, `key=${REDACTED}`],
    ['JSON-escaped', `key ${KEY.replace(/-/g, '\\u002d')}`, `key ${REDACTED}`],
    ['twice in one text', `${KEY}/${KEY}`, `${REDACTED}/${REDACTED}`],
    ['its first half, cut short', `…${KEY.slice(0, 16)}`, `…${REDACTED}`],
    ['its last 12 characters', `${KEY.slice(-12)}!`, `${REDACTED}!`],
    ['two overlapping pieces, as one', `${KEY.slice(0, 14)}${KEY.slice(2, 20)}`, REDACTED],
    ['a piece from its middle', `(${KEY.slice(5, 18)})`, `(${REDACTED})`],
    [
      'a piece after a letter whose lower case is longer',
      `İ ${KEY.slice(0, 14).toLowerCase()}`,
      `İ ${REDACTED}`,
    ],
  ])('%s', (_case, text, expected) => {
    expect(hide().text(text)).toBe(expected);
  });

  it.each([
    ['11 characters of it: ordinary text', KEY.slice(0, 11)],
    ['no key at all', 'Invalid phone number'],
    ['empty text', ''],
  ])('leaves %s alone', (_case, text) => {
    expect(hide().text(text)).toBe(text);
  });

  it('hides a short key only whole', () => {
    const short = redactor('abc123');
    expect(short.text('abc123 abc12')).toBe(`${REDACTED} abc12`);
  });

  it.each([
    [
      'exactly 12 characters, whole',
      'abcdef123456',
      'x abcdef123456 abcdef12345',
      `x ${REDACTED} abcdef12345`,
    ],
    [
      'with regex characters, literally',
      'a.b+c*d?e(f)g[h]i{j}k|l^m$n\\o/p',
      'a.b+c*d?e(f)g[h]i{j}k|l^m$n\\o/p axb+c',
      `${REDACTED} axb+c`,
    ],
    [
      'percent-encoded with lower or upper hex',
      'key/with:some;chars!',
      'key%2Fwith%3asome%3bchars%21',
      REDACTED,
    ],
  ])('hides a key %s', (_case, key, text, expected) => {
    expect(redactor(key).text(text)).toBe(expected);
  });

  it.each([undefined, '', '   '])('with no key (%j) changes nothing', (key) => {
    const none = redactor(key);
    const value = { a: KEY };
    expect(none.text(KEY)).toBe(KEY);
    expect(none.json(value)).toBe(value);
  });

  it('a key with spaces around it is the key', () => {
    expect(redactor(`  ${KEY} `).text(KEY)).toBe(REDACTED);
  });

  it('redacts every string and key of a parsed answer, leaving the answer as it was', () => {
    const answer = { error: `bad ${KEY}`, errors: { [KEY]: [KEY, 3, true, null] }, n: 1 };
    const copy = structuredClone(answer);
    expect(hide().json(answer)).toEqual({
      error: `bad ${REDACTED}`,
      errors: { [REDACTED]: [REDACTED, 3, true, null] },
      n: 1,
    });
    expect(answer).toEqual(copy);
  });
});
