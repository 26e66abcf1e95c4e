import { apiBaseUrl, isCallbellFileUrl, isCallbellUrl } from '../../src/client/config';

describe('CALLBELL_API_URL: where the key goes, set from process.env (zapier env:set)', () => {
  afterEach(() => {
    delete process.env.CALLBELL_API_URL;
  });

  it.each([
    ['unset', undefined, 'https://api.callbell.eu/v1'],
    ['the local sandbox', 'http://127.0.0.1:4010/v1/', 'http://127.0.0.1:4010/v1'],
    ['localhost', 'http://localhost:4010/v1', 'http://localhost:4010/v1'],
    ['IPv6 loopback', 'http://[::1]:4010/v1', 'http://[::1]:4010/v1'],
    ["Callbell's own origin", 'https://api.callbell.eu/v2', 'https://api.callbell.eu/v2'],
    ['another host', 'https://collector.evil.example/v1', 'https://api.callbell.eu/v1'],
    [
      'a Callbell look-alike',
      'https://api.callbell.eu.evil.example/v1',
      'https://api.callbell.eu/v1',
    ],
    ['a private address', 'http://10.0.0.5:4010/v1', 'https://api.callbell.eu/v1'],
    ['Callbell over http', 'http://api.callbell.eu/v1', 'https://api.callbell.eu/v1'],
    ['user info', 'http://u:p@127.0.0.1:4010/v1', 'https://api.callbell.eu/v1'],
    ['a query', 'http://127.0.0.1:4010/v1?x=1', 'https://api.callbell.eu/v1'],
    ['not a URL', 'api.callbell.eu', 'https://api.callbell.eu/v1'],
    ['an ftp address on loopback', 'ftp://127.0.0.1/v1', 'https://api.callbell.eu/v1'],
  ])('%s → %s', (_case, value, base) => {
    if (value !== undefined) process.env.CALLBELL_API_URL = value;
    expect(apiBaseUrl()).toBe(base);
    expect(isCallbellUrl(`${base}/contacts`)).toBe(true);
  });
});

describe('isCallbellFileUrl: the only downloads sent with the key', () => {
  it.each([
    [
      'a message attachment',
      'https://api.callbell.eu/v1/uploads/conversation_attachment/1/a.png',
      true,
    ],
    [
      'with a query',
      'https://api.callbell.eu/v1/uploads/conversation_attachment/1/a.png?s=1',
      true,
    ],
    ['the contact list', 'https://api.callbell.eu/v1/contacts?page=1', false],
    ['another upload path', 'https://api.callbell.eu/v1/uploads/other/1/a.png', false],
    [
      'an encoded slash',
      'https://api.callbell.eu/v1/uploads/conversation_attachment/..%2fcontacts',
      false,
    ],
    [
      'an encoded backslash',
      'https://api.callbell.eu/v1/uploads/conversation_attachment/..%5Ccontacts',
      false,
    ],
    ['another host', 'https://cdn.example.com/v1/uploads/conversation_attachment/1/a.png', false],
    ['a subdomain', 'https://x.api.callbell.eu/v1/uploads/conversation_attachment/1/a.png', false],
  ])('%s → %s', (_case, url, keyed) => {
    expect(isCallbellFileUrl(url)).toBe(keyed);
  });
});
