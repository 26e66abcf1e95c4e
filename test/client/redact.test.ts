import { REDACTED, redactor } from '../../src/client/redact';

const KEY = 'test_k3y-SHOULD-NEVER-LEAK-5f2c9a';
const hide = redactor(KEY);

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
  ])('%s', (_case, text, expected) => {
    expect(hide.text(text)).toBe(expected);
  });

  it.each([
    ['11 characters of it: ordinary text', KEY.slice(0, 11)],
    ['no key at all', 'Invalid phone number'],
    ['empty text', ''],
  ])('leaves %s alone', (_case, text) => {
    expect(hide.text(text)).toBe(text);
  });

  it('hides a short key only whole', () => {
    const short = redactor('abc123');
    expect(short.text('abc123 abc12')).toBe(`${REDACTED} abc12`);
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
    expect(hide.json(answer)).toEqual({
      error: `bad ${REDACTED}`,
      errors: { [REDACTED]: [REDACTED, 3, true, null] },
      n: 1,
    });
    expect(answer).toEqual(copy);
  });
});
