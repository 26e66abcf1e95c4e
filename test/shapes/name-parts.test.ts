import { nameParts } from '../../src/shapes/name-parts';

describe('nameParts', () => {
  it.each([
    ['two words', 'John Doe', 'John', 'Doe'],
    ['one word: a first name only', 'Cher', 'Cher', null],
    [
      'several words: the rest is the last name',
      'María José García López',
      'María',
      'José García López',
    ],
    ['spaces around and between', '  Ana   de  Souza ', 'Ana', 'de Souza'],
    ['no name', null, null, null],
    ['only spaces', '   ', null, null],
  ])('%s: %j', (_case, name, firstName, lastName) => {
    expect(nameParts(name)).toEqual({ firstName, lastName });
  });
});
