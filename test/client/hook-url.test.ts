import { isZapierHookUrl } from '../../src/client/config';

describe('isZapierHookUrl: where a delivery may be forwarded', () => {
  afterEach(() => {
    delete process.env.ZAPIER_HOOK_ORIGIN;
  });

  it.each([
    ["a Zap's hook URL", 'https://hooks.zapier.com/hooks/standard/1234567/abcdef/', true],
    ['the bare origin', 'https://hooks.zapier.com', true],
    ['plain http', 'http://hooks.zapier.com/hooks/standard/1/a/', false],
    ['another port', 'https://hooks.zapier.com:8443/hooks/standard/1/a/', false],
    ['a look-alike host', 'https://hooks.zapier.com.evil.example/hooks/1/', false],
    ['a subdomain', 'https://x.hooks.zapier.com/hooks/1/', false],
    ["Zapier's site", 'https://zapier.com/hooks/standard/1/a/', false],
    ["Callbell's API", 'https://api.callbell.eu/v1/webhooks/subscribe', false],
    ['loopback', 'http://127.0.0.1:4010/hooks/zap-1', false],
    ['not a URL', 'hooks.zapier.com/hooks/1', false],
    ['user info', 'https://user:pass@hooks.zapier.com/hooks/standard/1/a/', false],
    ['a user name alone', 'https://user@hooks.zapier.com/hooks/standard/1/a/', false],
    ['empty', '', false],
    ['nothing', undefined, false],
  ])('%s: %s → %s', (_case, url, allowed) => {
    expect(isZapierHookUrl(url)).toBe(allowed);
  });

  it.each([
    ['the test origin', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010/hooks/zap-1', true],
    ['an origin set with a slash', 'http://127.0.0.1:4010/', 'http://127.0.0.1:4010/x', true],
    ['another port', 'http://127.0.0.1:4010', 'http://127.0.0.1:4011/hooks/zap-1', false],
    ["Zapier's own", 'http://127.0.0.1:4010', 'https://hooks.zapier.com/hooks/1/a/', true],
    ['user info on the test origin', 'http://127.0.0.1:4010', 'http://u:p@127.0.0.1:4010/x', false],
    ['an origin off this machine', 'https://evil.example', 'https://evil.example/hooks/1', false],
    ['a private address', 'http://10.0.0.5:4010', 'http://10.0.0.5:4010/hooks/1', false],
    [
      'a look-alike of loopback',
      'http://127.0.0.1.evil.example',
      'http://127.0.0.1.evil.example/x',
      false,
    ],
  ])('with ZAPIER_HOOK_ORIGIN set, %s', (_case, origin, url, allowed) => {
    process.env.ZAPIER_HOOK_ORIGIN = origin;
    expect(isZapierHookUrl(url)).toBe(allowed);
  });
});
