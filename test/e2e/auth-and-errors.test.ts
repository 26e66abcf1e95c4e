import { appTester, builtApp, bundleFor, perform, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('connection and errors over real HTTP', () => {
  it('tests the connection and labels it with the account', async () => {
    await expect(appTester(builtApp.authentication.test, bundleFor(sandbox()))).resolves.toEqual({
      status: 'ok',
      user_email: 'owner@example-shop.com',
      user_name: 'Sandbox Owner',
    });
  });

  it('401: a wrong key asks the user to reconnect', async () => {
    const bundle = { authData: { api_key: 'test_wrong' } };
    await expect(appTester(builtApp.authentication.test, bundle)).rejects.toMatchObject({
      name: 'ExpiredAuthError',
      message: expect.stringContaining('Callbell rejected the API key (HTTP 401: Unauthorized)'),
    });
  });

  it('404: an unknown contact is named', async () => {
    const unknown = 'ffffffffffffffffffffffffffffffff';
    await expect(
      perform(sandbox(), 'creates', 'close_conversation', { contact_uuid: unknown }),
    ).rejects.toThrow(
      new RegExp(
        `Callbell could not find the contact \\\\"${unknown}\\\\" \\(HTTP 404: Contact not found\\)`,
      ),
    );
  });

  it('422: Callbell-style validation reaches the user with what to do', async () => {
    await expect(
      perform(sandbox(), 'creates', 'create_contact', {
        phone: '+44 7400 123456',
        name: 'Ann',
        tags: ['Gold'],
      }),
    ).rejects.toThrow(
      /Create the tags in Callbell first.*tags Gold does not exist\. Check these fields: tags\./,
    );
  });

  it('429: over the rate limit Zapier is told to retry later, and nothing was created', async () => {
    const before = sandbox().account.contacts.size;
    sandbox().setRateLimit(0);
    try {
      await expect(
        perform(sandbox(), 'creates', 'create_contact', { phone: '+44 7400 123457', name: 'Ann' }),
      ).rejects.toMatchObject({
        name: 'ThrottledError',
        message: expect.stringContaining('"delay":1'),
      });
    } finally {
      sandbox().setRateLimit(300);
    }
    expect(sandbox().account.contacts.size).toBe(before);
  });
});
