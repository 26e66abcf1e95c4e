import nock from 'nock';
import { mediaUrlField, readMediaUrl } from '../../src/fields/media';
import { storedAs } from '../helpers/core-stash';
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
    [
      'loopback',
      'http://127.0.0.1/a.pdf',
      'is a private or local address, which Callbell cannot reach',
    ],
    [
      'cloud metadata',
      'http://169.254.169.254/latest/meta-data/',
      'is a private or local address, which Callbell cannot reach',
    ],
    [
      'a private network',
      'https://10.0.0.8/a.pdf',
      'is a private or local address, which Callbell cannot reach',
    ],
    [
      'a private network, 192.168',
      'https://192.168.1.1/a.pdf',
      'is a private or local address, which Callbell cannot reach',
    ],
    [
      'IPv6 loopback',
      'http://[::1]/a.pdf',
      'is a private or local address, which Callbell cannot reach',
    ],
    [
      'IPv4-mapped loopback',
      'http://[::ffff:127.0.0.1]/a.pdf',
      'is a private or local address, which Callbell cannot reach',
    ],
    [
      'localhost',
      'http://localhost:8080/a.pdf',
      'is a private or local address, which Callbell cannot reach',
    ],
    [
      'a metadata name',
      'http://metadata.google.internal/x',
      'is a private or local address, which Callbell cannot reach',
    ],
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
      helpText:
        'The picture to send. Zapier sends Callbell its own copy of the file, of the same type; the customer may see another file name. Text that is not a link is sent as a .txt file.',
    });
  });
});

type Stash = (input: unknown, length?: number, name?: string, type?: string) => Promise<string>;

/**
 * Core's file stasher as Zapier runs it for a create: what a `file` field turns a mapped value
 * into (the field schema: a link is fetched, other text becomes a .txt file).
 */
function coreStasher(): { stash: Stash; uploads: string[] } {
  const uploads: string[] = [];
  const createFileStasher = jest.requireActual<(input: object) => Stash>(
    'zapier-platform-core/src/tools/create-file-stasher',
  );
  const stash = createFileStasher({
    _zapier: {
      event: { method: 'creates.send_message.operation.perform' },
      rpc: async () => ({
        url: 'https://zapier-files.example/',
        fields: { key: 'cli-platform/1f2e' },
      }),
    },
  });
  nock('https://zapier-files.example')
    .post('/')
    .reply(204, (_uri, body: unknown) => {
      uploads.push(String(body));
      return '';
    });
  return { stash, uploads };
}

const fetchRequest = jest.requireActual<(url: string) => Promise<unknown>>(
  'zapier-platform-core/src/tools/fetch',
);

describe("what a Zap author gets from the file field (core's stashFile)", () => {
  it.each([
    ['a PDF link keeps its name and type', '/reports/q3.pdf', 'application/pdf', 'q3.pdf'],
    ['an image link without a name gets one from its type', '/p/8812', 'image/png', '8812.png'],
  ])(
    '%s in the stored copy, not in the link Callbell receives',
    async (_case, path, type, name) => {
      nock('https://files.example').get(path).reply(200, 'bytes', { 'Content-Type': type });
      const { stash, uploads } = coreStasher();
      const link = await stash(fetchRequest(`https://files.example${path}`));
      expect(link).toBe('https://zapier-files.example/cli-platform/1f2e');
      expect(storedAs(uploads.join(''))).toEqual({ name: `attachment; filename="${name}"`, type });
      expect(readMediaUrl(link, 'Media URL')).toBe(link);
    },
  );

  it('text that is not a link becomes a .txt file', async () => {
    const { stash, uploads } = coreStasher();
    await stash('Thanks for your order');
    expect(storedAs(uploads.join(''))).toEqual({
      name: 'attachment; filename="unnamedfile.txt"',
      type: 'text/plain',
    });
  });
});
