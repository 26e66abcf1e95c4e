import App from '../index';
import { testAuth } from '../src/authentication';
import authMe from './fixtures/auth-me.json';
import { API_KEY, API_PATH, appTester, bundleWith, callbellApi } from './helpers/app';

describe('authentication', () => {
  it('tests the key with GET /auth/me and keeps the echoed key out of the result', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/auth/me`)
      .reply(200, { ...authMe, api_key: API_KEY });

    const result = await appTester(testAuth, bundleWith());

    expect(result).toEqual({
      status: 'ok',
      user_email: 'maria@example-shop.com',
      user_name: 'Maria Rossi',
    });
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    scope.done();
  });

  it('labels the connection with the user name and email', () => {
    expect(App.authentication.connectionLabel).toBe('{{user_name}} ({{user_email}})');
  });

  it('asks to reconnect when Callbell rejects the key', async () => {
    callbellApi().get(`${API_PATH}/auth/me`).reply(401, { error: 'Unauthorized' });

    await expect(appTester(testAuth, bundleWith())).rejects.toMatchObject({
      name: 'ExpiredAuthError',
      message: expect.stringMatching(
        /^Reconnect your Callbell account.*Callbell rejected the API key \(HTTP 401: Unauthorized\)/,
      ),
    });
  });

  it('has one required password field that explains where to get the key', () => {
    const [field, ...others] = App.authentication.fields ?? [];
    expect(others).toHaveLength(0);
    expect(field).toMatchObject({ key: 'api_key', type: 'password', required: true });
    expect(field?.helpText).toMatch(/\]\(https:\/\/dash\.callbell\.eu\/[^)]+\)/);
    expect(field?.helpText).toMatch(/only once/);
    // No doc page says `test_` keys work on test data only (authorization.md shows one as an example).
    expect(field?.helpText).not.toMatch(/test_/);
  });
});
