import { mediaUrlField, readMediaUrl } from '../../src/fields/media';
import { inputErrorText } from '../helpers/operations';

describe('readMediaUrl', () => {
  it.each([
    ['an https link', 'https://files.example/a.pdf', 'https://files.example/a.pdf'],
    ['an http link', 'http://files.example/a.pdf', 'http://files.example/a.pdf'],
    [
      'a link with spaces around it',
      ' https://files.example/a.pdf ',
      'https://files.example/a.pdf',
    ],
    ['a link written loosely', 'HTTPS://Files.Example/a b.pdf', 'https://files.example/a%20b.pdf'],
    ['nothing mapped', '', undefined],
    ['a missing value', undefined, undefined],
  ])('reads %s', (_case, value, expected) => {
    expect(readMediaUrl(value, 'Media URL')).toBe(expected);
  });

  it.each([
    ['a file name', 'a.pdf', 'is not a URL'],
    ['a path', '/files/a.pdf', 'is not a URL'],
    ['an ftp link', 'ftp://files.example/a.pdf', 'is not a web link'],
    ['a data URL', 'data:text/plain,hello', 'is not a web link'],
    ['a javascript URL', 'javascript:alert(1)', 'is not a web link'],
  ])('refuses %s, naming the field it came from', (_case, value, problem) => {
    expect(inputErrorText(() => readMediaUrl(value, 'Document'))).toBe(
      `Document: "${value}" ${problem}. Map a public https:// link to the file.`,
    );
  });
});

describe('mediaUrlField', () => {
  it('is a required file field, so a Zap can map a file from any app', () => {
    expect(mediaUrlField('The picture to send.')).toEqual({
      key: 'media_url',
      label: 'Media URL',
      type: 'file',
      required: true,
      helpText: 'The picture to send.',
    });
  });
});
