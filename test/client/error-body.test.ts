import { isHtml, readErrorBody } from '../../src/client/error-body';

describe("readErrorBody: Callbell's reason and the fields it names", () => {
  it.each([
    ['nothing', undefined, { message: '', fields: [] }],
    ['blank text', '  \n ', { message: '', fields: [] }],
    ['plain text, spaces folded', ' Bad\n\n  gateway ', { message: 'Bad gateway', fields: [] }],
    ['an HTML page: no reason', '<!DOCTYPE html><p>x</p>', { message: '', fields: [] }],
    ['a JSON string', '"Contact not found"', { message: 'Contact not found', fields: [] }],
    ['a JSON number: no reason', '42', { message: '', fields: [] }],
    ['error', '{"error":"Record not found"}', { message: 'Record not found', fields: [] }],
    ['detail', '{"detail":"Bad uuid"}', { message: 'Bad uuid', fields: [] }],
    [
      'error and message, each once',
      '{"error":"Denied","message":"No plan","detail":"Denied"}',
      { message: 'Denied; No plan', fields: [] },
    ],
    [
      'errors keyed by field, lists and scalars',
      '{"errors":{"phone":["is invalid", " "],"age":3,"vip":true,"note":null}}',
      { message: 'phone is invalid; age 3; vip true', fields: ['phone', 'age', 'vip'] },
    ],
    [
      'errors as objects with a field and a message',
      '{"errors":[{"field":"channel_uuid","message":"is invalid"},{"message":"too many"}]}',
      { message: 'channel_uuid: is invalid; too many', fields: ['channel_uuid'] },
    ],
    [
      'nested errors, named by their path',
      '{"errors":{"contact":{"custom_fields":{"size":["is not a number"]}}}}',
      {
        message: 'contact.custom_fields.size is not a number',
        fields: ['contact.custom_fields.size'],
      },
    ],
    ['empty entries left out', '{"errors":["", null, "bad"]}', { message: 'bad', fields: [] }],
    [
      'a message that is itself an object, read by its path',
      '{"errors":[{"message":{"text":"is too long"}}]}',
      { message: 'message.text is too long', fields: ['message.text'] },
    ],
  ])('%s', (_case, body, expected) => {
    expect(readErrorBody(body)).toEqual(expected);
  });

  it('names at most 5 fields, once each, each cut to 40 characters', () => {
    const errors = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'f', 'x'.repeat(60)].map((key) => [key, ['bad']]),
    );
    const { fields } = readErrorBody(JSON.stringify({ errors, error: { a: 'again' } }));
    expect(fields).toEqual(['a', 'b', 'c', 'd', 'e']);
    const long = readErrorBody(JSON.stringify({ errors: { ['x'.repeat(60)]: 'bad' } }));
    expect(long.fields).toEqual([`${'x'.repeat(39)}…`]);
  });

  it.each([
    ['a list', (i: number) => Array.from({ length: i }, (_, n) => `e${n}`)],
    ['an object', (i: number) => Object.fromEntries(Array.from({ length: i }, (_, n) => [n, 'e']))],
  ])('reads 20 entries of %s at most', (_case, entries) => {
    expect(readErrorBody(JSON.stringify({ errors: entries(19) })).message.split('; ')).toHaveLength(
      19,
    );
    expect(readErrorBody(JSON.stringify({ errors: entries(30) })).message.split('; ')).toHaveLength(
      20,
    );
  });

  it.each([
    ['lists', (inner: unknown) => [inner], 'bottom'],
    ['objects', (inner: unknown) => ({ a: inner }), 'a.a.a.a.a.a.a.a bottom'],
  ])('reads %s 8 levels deep, no deeper', (_case, wrap, eightDeep) => {
    const nested = (levels: number) => {
      let value: unknown = 'bottom';
      for (let i = 0; i < levels; i += 1) value = wrap(value);
      return JSON.stringify({ errors: value });
    };
    expect(readErrorBody(nested(8)).message).toBe(eightDeep);
    expect(readErrorBody(nested(9)).message).toBe('');
  });

  it('cuts the reason to 500 characters after redacting it', () => {
    const { message } = readErrorBody(
      JSON.stringify({ error: `SECRET ${'y'.repeat(600)}` }),
      (text) => text.replace('SECRET', '[API key]'),
    );
    expect(message).toHaveLength(500);
    expect(message.startsWith('[API key] yyy')).toBe(true);
    expect(message.endsWith('…')).toBe(true);
  });

  it('redacts the field names too', () => {
    const { fields } = readErrorBody('{"errors":{"SECRET":["bad"]}}', (text) =>
      text.replace('SECRET', '[API key]'),
    );
    expect(fields).toEqual(['[API key]']);
  });
});

describe('isHtml', () => {
  it.each([
    ['<!DOCTYPE html>', true],
    ['  <html><body>', true],
    ['<?xml version="1.0"?>', true],
    ['x <html>', false],
    ['{"html": 1}', false],
    ['<p>not a page</p>', false],
  ])('%j → %s', (text, expected) => {
    expect(isHtml(text)).toBe(expected);
  });
});
