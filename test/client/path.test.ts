import { errors } from 'zapier-platform-core';
import { hasLoneSurrogate, pathId, unsafePathSegment, type IdField } from '../../src/client/path';
import { InputError } from '../../src/input-error';

const CONTACT: IdField = { label: 'Contact', from: 'input', hex32: true };
const BSUID: IdField = { label: 'WhatsApp BSUID', from: 'input' };
const TEAM: IdField = { label: 'team uuid', from: 'answer' };
const UUID = 'eb2b914a977e4ab896e7b886698b3eac';

function refusal(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('pathId', () => {
  it.each([
    ['a 32-hex contact uuid, as it is', UUID, CONTACT, UUID],
    ['a 32-hex uuid in capitals', UUID.toUpperCase(), CONTACT, UUID.toUpperCase()],
    ['a BSUID with dots, encoded as one segment', 'US.1349/x y', BSUID, 'US.1349%2Fx%20y'],
    ['a BSUID of three dots', '...', BSUID, '...'],
    ['an id from an answer', 'a1b2', TEAM, 'a1b2'],
  ])('takes %s', (_case, value, field, expected) => {
    expect(pathId(value, field)).toBe(expected);
  });

  it.each([
    ['.', 'is not an ID (it would change the address)'],
    ['..', 'is not an ID (it would change the address)'],
    [' .. ', 'is not an ID (it would change the address)'],
    ['', 'is empty'],
    ['  ', 'is empty'],
    ['a\nb', 'contains control characters such as a line break'],
    ['a\u0000b', 'contains control characters such as a line break'],
    ['a\ud800b', 'contains a broken character'],
  ])('refuses %j from the input, naming the field and what to map', (value, problem) => {
    const error = refusal(() => pathId(value, BSUID));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).text).toMatch(
      new RegExp(
        `^WhatsApp BSUID: ".*" ${problem.replace(/[()]/g, '\\$&')}\\. Map the value from a Callbell trigger or search step\\.$`,
      ),
    );
  });

  it.each(['not-a-uuid', `${UUID}0`, UUID.slice(1), 'g'.repeat(32)])(
    'refuses %j where the docs show 32 hex digits, with an example',
    (value) => {
      const error = refusal(() => pathId(value, CONTACT)) as InputError;
      expect(error.text).toMatch(
        /^Contact: ".*" is not a Callbell ID, which has 32 letters and digits \(0-9, a-f\)\. Map the value from a Callbell trigger or search step, e\.g\. eb2b914a977e4ab896e7b886698b3eac\.$/,
      );
    },
  );

  it("words an unusable id from one of Callbell's answers as Callbell's, not the user's", () => {
    const error = refusal(() => pathId('..', TEAM));
    expect(error).toBeInstanceOf(errors.Error);
    expect(error).not.toBeInstanceOf(InputError);
    expect(JSON.parse(error.message)).toEqual({
      message:
        'Callbell\'s answer gave a team uuid ".." that is not an ID (it would change the address), so it was not used in a request. Try again; if it persists, tell Callbell support.',
      code: 'CallbellUnusableId',
    });
  });

  it('shortens a long id in the message', () => {
    const error = refusal(() => pathId(`${'x'.repeat(5000)}\n`, BSUID)) as InputError;
    expect(error.text.length).toBeLessThanOrEqual(250);
    expect(error.text).toContain(`"${'x'.repeat(39)}…"`);
  });
});

describe('unsafePathSegment', () => {
  it.each([
    ['/contacts/abc/messages', undefined],
    ['contacts/abc', undefined],
    ['/contacts/US.1349', undefined],
    ['/contacts//messages', ''],
    ['/contacts/../bot', '..'],
    ['/contacts/./bot', '.'],
    ['/contacts/%2e%2E/bot', '%2e%2E'],
    ['/contacts/a b', 'a b'],
    ['/contacts/a?b', 'a?b'],
    ['/contacts/a#b', 'a#b'],
    ['/contacts/a\u0007', 'a\u0007'],
    ['/contacts/a\udc00', 'a\udc00'],
  ])('%j → %j', (path, segment) => {
    expect(unsafePathSegment(path)).toBe(segment);
  });
});

describe('hasLoneSurrogate', () => {
  it.each([
    ['a whole pair', '😀', false],
    ['a high surrogate alone', '\ud83d', true],
    ['a low surrogate alone', '\ude00x', true],
    ['plain text', 'abc', false],
  ])('%s', (_case, text, expected) => {
    expect(hasLoneSurrogate(text)).toBe(expected);
  });
});
