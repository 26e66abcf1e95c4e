import { readMetadata, isSentByZap, readSentMetadata } from '../../src/fields/metadata';
import { inputErrorText } from '../helpers/operations';

const keys = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));

describe('readMetadata', () => {
  it.each([
    ['nothing', undefined, undefined],
    ['null', null, undefined],
    ['an empty text', '', undefined],
    ['no rows', {}, undefined],
    ['only blank keys', { ' ': 'v' }, undefined],
    ['keys trimmed, blank keys left out', { ' order_id ': '1001', '': 'x' }, { order_id: '1001' }],
    ['numbers and booleans as text', { count: 3, paid: true }, { count: '3', paid: 'true' }],
    ['10 keys', keys(10), keys(10)],
    ['a key of 50 characters', { ['k'.repeat(50)]: 'v' }, { ['k'.repeat(50)]: 'v' }],
    ['a value of 500 characters', { k: 'v'.repeat(500) }, { k: 'v'.repeat(500) }],
    [
      '"__proto__" as an ordinary key',
      JSON.parse('{"__proto__":"x"}'),
      JSON.parse('{"__proto__":"x"}'),
    ],
  ])('reads %s', (_case, value, expected) => {
    expect(readMetadata(value)).toEqual(expected);
  });

  it.each([
    ['a text', 'order_id=1', 'Metadata: must be key-value pairs (one key and one value per row).'],
    ['a list', ['a'], 'Metadata: must be key-value pairs (one key and one value per row).'],
    ['11 keys', keys(11), 'Metadata: has 11 keys; Callbell accepts at most 10. Remove some rows.'],
    [
      'a value that is not text',
      { order: { id: 1 } },
      'Metadata: the value of "order" must be text, not "an object".',
    ],
    [
      'a key of 51 characters',
      { [` ${'k'.repeat(51)} `]: 'v' },
      `Metadata: the key "${'k'.repeat(51)}" is 51 characters; Callbell accepts at most 50.`,
    ],
    [
      'a value of 501 characters',
      { k: 'v'.repeat(501) },
      'Metadata: the value of "k" is 501 characters; Callbell accepts at most 500.',
    ],
  ])('refuses %s, saying what to change', (_case, value, message) => {
    expect(inputErrorText(() => readMetadata(value))).toBe(message);
  });
});

describe('readSentMetadata: the mark of a message this integration sent (finding 10 of #21)', () => {
  const ten = Object.fromEntries(Array.from({ length: 10 }, (_, n) => [`k${n}`, 'v']));

  it.each<[string, unknown, Record<string, string>]>([
    ['no metadata', undefined, { sent_by_zap: 'true' }],
    ['the Zap’s own pairs', { order: '42' }, { order: '42', sent_by_zap: 'true' }],
    ['ten pairs: no room, kept as they are', ten, ten],
    ['a key of the same name: its own value', { sent_by_zap: 'no' }, { sent_by_zap: 'no' }],
  ])('%s', (_case, input, expected) => {
    expect(readSentMetadata(input)).toEqual(expected);
  });

  it.each([
    [{ sent_by_zap: 'true' }, true],
    [{ sent_by_zap: 'no' }, false],
    [{}, false],
    ['sent_by_zap', false],
  ])('isSentByZap(%j) is %s', (metadata, expected) => {
    expect(isSentByZap(metadata)).toBe(expected);
  });
});
