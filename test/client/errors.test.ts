import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { updateContact, addConversationNote, setBotStatus } from '../../src/api/contacts';
import { getTemplate } from '../../src/api/templates';
import { teamMembers } from '../../src/api/teams';
import { isOutcomeUnknown, retryAfterSeconds } from '../../src/client/errors';
import { MAX_MESSAGE_LENGTH } from '../../src/user-message';
import { callbellOrNull } from '../../src/client/request';
import { API_KEY, API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import { failure, MANAGE_CONTACTS, run } from '../helpers/callbell-request';
import { useFakeClock } from '../helpers/clock';

describe('the HTTP layer', () => {
  it('sends the Bearer key, JSON headers, query and body, and answers the parsed body', async () => {
    const scope = callbellApi()
      .matchHeader('content-type', /^application\/json(;|$)/)
      .post(`${API_PATH}/contacts`, { name: 'Ana' })
      .query({ fields: 'contact' })
      .reply(200, { contact: { uuid: 'c1' } });

    const answer = await run({
      method: 'POST',
      path: '/contacts',
      params: { fields: 'contact', empty: '', missing: undefined },
      body: { name: 'Ana' },
    });

    expect(answer).toEqual({ contact: { uuid: 'c1' } });
    scope.done();
  });

  it('follows CALLBELL_API_URL for local testing', async () => {
    process.env.CALLBELL_API_URL = 'http://127.0.0.1:4010/v1/';
    try {
      const scope = nock('http://127.0.0.1:4010').get('/v1/channels').reply(200, { channels: [] });
      await expect(run({ path: '/channels' })).resolves.toEqual({ channels: [] });
      scope.done();
    } finally {
      delete process.env.CALLBELL_API_URL;
    }
  });

  it('answers null for a 404 when "not found" is an answer, and still maps other errors', async () => {
    callbellApi().get(`${API_PATH}/contacts/phone/31612345678`).reply(404, { error: 'Not found' });
    await expect(
      appTester(
        (z: ZObject) =>
          callbellOrNull(z, { path: '/contacts/phone/31612345678', about: MANAGE_CONTACTS }),
        bundleWith(),
      ),
    ).resolves.toBeNull();

    callbellApi().get(`${API_PATH}/contacts/phone/31612345678`).reply(500, '');
    await expect(
      appTester(
        (z: ZObject) =>
          callbellOrNull(z, { path: '/contacts/phone/31612345678', about: MANAGE_CONTACTS }),
        bundleWith(),
      ),
    ).rejects.toThrow(/temporarily unavailable \(HTTP 500\)/);
  });
});

const CHECK_VALUES = 'Check the values mapped into this step.';

describe('error mapping', () => {
  it('401 asks the user to reconnect', async () => {
    callbellApi().get(`${API_PATH}/channels`).reply(401, '');
    const error = await failure({ path: '/channels' });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(
      /^Reconnect your Callbell account in Zapier .* Callbell rejected the API key \(HTTP 401\): /,
    );
  });

  it('403 names the action the key may not do', async () => {
    callbellApi()
      .post(`${API_PATH}/messages/send`)
      .reply(403, { message: 'Plan does not include API' });
    const error = await failure({
      method: 'POST',
      path: '/messages/send',
      body: {},
      about: { action: 'send messages', thing: 'recipient' },
    });
    expect(error).toMatchObject({ code: 'CallbellForbidden', status: 403 });
    expect(error.message).toBe(
      "Check the key's permissions and your Callbell plan, or use an administrator's key: Callbell does not allow this API key to send messages (HTTP 403: Plan does not include API).",
    );
  });

  it.each([
    [
      'PATCH',
      '/contacts/0123456789abcdef0123456789abcdef',
      (z: ZObject) => updateContact(z, '0123456789abcdef0123456789abcdef', { name: 'Ana' }),
      'contact "0123456789abcdef0123456789abcdef"',
    ],
    ['GET', '/templates/t-1', (z: ZObject) => getTemplate(z, 't-1'), 'template "t-1"'],
    [
      'POST',
      '/contacts/0123456789abcdef0123456789abcdef/conversation/note',
      (z: ZObject) => addConversationNote(z, '0123456789abcdef0123456789abcdef', 'hi'),
      'contact "0123456789abcdef0123456789abcdef"',
    ],
    [
      'POST',
      '/contacts/0123456789abcdef0123456789abcdef/bot',
      (z: ZObject) => setBotStatus(z, '0123456789abcdef0123456789abcdef', 'bot_end'),
      'contact "0123456789abcdef0123456789abcdef"',
    ],
    [
      'GET',
      '/teams/t9/members?page=1',
      (z: ZObject) => teamMembers(z, { uuid: 't9' }),
      'team "t9"',
    ],
  ])('404 on %s %s says the %s was not found', async (method, path, call, thing) => {
    callbellApi().intercept(`${API_PATH}${path}`, method).reply(404, { error: 'Record not found' });
    const error = await failure(call, {
      contact_uuid: '0123456789abcdef0123456789abcdef',
      funnel_id: 'f1',
    });
    expect(error).toMatchObject({ code: 'CallbellNotFound', status: 404 });
    expect(error.message).toBe(
      `Check that the value mapped into this step exists in your Callbell account: Callbell could not find the ${thing} (HTTP 404: Record not found).`,
    );
  });

  it.each([
    [400, { error: 'to is invalid' }, 'to is invalid.', CHECK_VALUES],
    [
      422,
      { errors: { name: ["can't be blank"], tags: ['VIP does not exist'] } },
      "name can't be blank; tags VIP does not exist. Check these fields: name, tags.",
      'Create the tags in Callbell first (Settings → Tags).',
    ],
    [
      422,
      { errors: ['Template not approved', 'optin_contact missing'] },
      'Template not approved; optin_contact missing.',
      'Set Contact Opted In to Yes: template messages need the contact opted in.',
    ],
    [
      422,
      { errors: [{ field: 'phone', message: 'is invalid' }] },
      'phone: is invalid. Check these fields: phone.',
      CHECK_VALUES,
    ],
    [400, { message: 'Bad metadata' }, 'Bad metadata.', CHECK_VALUES],
    [400, { error: { message: 'Nested reason', code: 17 } }, 'Nested reason.', CHECK_VALUES],
    [400, 'Plain text reason\n', 'Plain text reason.', CHECK_VALUES],
    [400, '<!DOCTYPE html><html><body>Bad Request</body></html>', 'no reason given.', CHECK_VALUES],
    [400, '', 'no reason given.', CHECK_VALUES],
    [400, '{"truncated json', '{"truncated json.', CHECK_VALUES],
    [400, 'null', 'no reason given.', CHECK_VALUES],
    [400, '[1, 2]', 'no reason given.', CHECK_VALUES],
    [409, { error: 'Conflict' }, 'Conflict.', CHECK_VALUES],
    [422, { error: 'Phone is invalid.' }, 'Phone is invalid.', CHECK_VALUES],
    [422, { error: 'Use e.g. digits' }, 'Use e.g. digits.', CHECK_VALUES],
    [
      422,
      { error: "Tag 'VIP' not found and the contact did not opt in" },
      "Tag 'VIP' not found and the contact did not opt in.",
      'Create the tags in Callbell first (Settings → Tags). Set Contact Opted In to Yes: template messages need the contact opted in.',
    ],
  ])("%i with body %j passes on Callbell's reason", async (status, body, reason, first) => {
    callbellApi().post(`${API_PATH}/contacts`).reply(status, body);
    const error = await failure({ method: 'POST', path: '/contacts', body: {} });
    expect(error).toMatchObject({ code: 'CallbellInvalidRequest', status });
    expect(error.message).toBe(`${first} Callbell refused the request (HTTP ${status}): ${reason}`);
  });

  it.each([
    ['a 422 reason', 422, { error: `${'Very long reason. '.repeat(40)}` }],
    ['a 404 reason', 404, { error: `${'Not here. '.repeat(60)}` }],
    ['a 403 reason', 403, { error: `${'Forbidden. '.repeat(60)}` }],
    ['a 401 reason', 401, { error: `${'Who are you. '.repeat(60)}` }],
    [
      'every hint at once',
      422,
      { error: `24 hour window, tag, custom field and opt-in: ${'x'.repeat(300)}` },
    ],
  ])('%s is cut so the message fits 250 characters, what to do first', async (_, status, body) => {
    callbellApi().post(`${API_PATH}/contacts`).reply(status, body);
    const error = await failure({ method: 'POST', path: '/contacts', body: {} });
    // ExpiredAuthError also gets core's "What happened" appendix, after the app's message.
    const [own] = (error.message ?? '').split('\nWhat happened');
    expect(own?.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(error.message).toMatch(/^(Check|Reconnect|Use|Create|Set) /);
  });

  it.each([
    [
      { error: 'Cannot send message: the 24 hour window has expired' },
      "Use the Send Template Message action instead: WhatsApp allows free-form messages only within 24 hours of the contact's last message.",
    ],
    [
      { errors: { custom_fields: ['Birthday is not a valid date'] } },
      'Create custom fields in Callbell first (Settings → Custom fields)',
    ],
    [
      { error: "Custom field 'Shoe size' does not exist" },
      'Create custom fields in Callbell first (Settings → Custom fields)',
    ],
    [{ error: "Tag 'VIP' not found" }, 'Create the tags in Callbell first'],
  ])('explains what to do about %j', async (body, hint) => {
    callbellApi().post(`${API_PATH}/messages/send`).reply(422, body);
    const error = await failure({ method: 'POST', path: '/messages/send', body: {} });
    expect(error.message).toContain(hint);
  });

  it("429 throttles with Callbell's Retry-After", async () => {
    callbellApi().get(`${API_PATH}/contacts`).reply(429, '', { 'Retry-After': '7' });
    const error = await failure({ path: '/contacts' });
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 7 });
    expect(error.message).toMatch(/too many requests.*HTTP 429.*7 seconds/);
  });

  it('429 without Retry-After waits 60 seconds', async () => {
    callbellApi().post(`${API_PATH}/messages/send`).reply(429, { error: 'Too Many Requests' });
    const error = await failure({ method: 'POST', path: '/messages/send', body: {} });
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 60 });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Tue, 24 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(1);
    expect(retryAfterSeconds(' 30 ', now)).toBe(30);
    expect(retryAfterSeconds('0', now)).toBe(1);
    expect(retryAfterSeconds('99999999999999999999', now)).toBe(300);
    expect(retryAfterSeconds('30 seconds', now)).toBe(60);
    expect(retryAfterSeconds('in 30', now)).toBe(60);
    expect(retryAfterSeconds('soon', now)).toBe(60);
    expect(retryAfterSeconds(undefined, now)).toBe(60);
  });

  it.each([500, 502, 503, 504])('%i on a send is reported once, never re-sent', async (status) => {
    const scope = callbellApi()
      .post(`${API_PATH}/messages/send`)
      .once()
      .reply(status, 'upstream error');
    const error = await failure({ method: 'POST', path: '/messages/send', body: { to: '+3161' } });
    expect(error).toMatchObject({ code: 'CallbellUnavailable', status });
    expect(error.message).toBe(
      `Check in Callbell whether this step took effect before replaying it: it was not re-sent, so nothing is done twice. Callbell is temporarily unavailable (HTTP ${status}).`,
    );
    scope.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('5xx on a read suggests trying again', async () => {
    callbellApi().get(`${API_PATH}/templates`).reply(503);
    const error = await failure({ path: '/templates' });
    expect(error.message).toBe(
      'Try again in a few minutes. Callbell is temporarily unavailable (HTTP 503).',
    );
  });

  it('a timeout says Callbell did not answer, and what to check for a write', async () => {
    callbellApi().post(`${API_PATH}/contacts`).delay(30_000).reply(200, {});
    useFakeClock();
    try {
      const pending = failure({ method: 'POST', path: '/contacts', body: {} });
      await jest.advanceTimersByTimeAsync(26_000);
      const timedOut = await pending;
      expect(timedOut).toMatchObject({ code: 'CallbellUnreachable' });
      expect(timedOut.message).toMatch(
        /^Check in Callbell whether this step took effect .* Callbell did not answer within 25 seconds while trying to manage contacts\.$/,
      );
    } finally {
      jest.useRealTimers();
      nock.abortPendingRequests();
    }
  });

  it.each([
    ['GET', 'ECONNREFUSED'],
    ['POST', 'ECONNREFUSED'],
    ['POST', 'ENOTFOUND'],
    ['POST', 'EHOSTUNREACH'],
  ] as const)('a %s whose connection failed with %s says it was not sent', async (method, code) => {
    callbellApi()
      .intercept(`${API_PATH}/funnels`, method)
      .replyWithError(Object.assign(new Error(`connect ${code}`), { code }));
    const error = await failure({
      method,
      path: '/funnels',
      about: { action: 'read funnels', thing: 'funnel' },
    });
    expect(error).toMatchObject({ code: 'RequestNotSent' });
    expect(error.message).toBe(
      `Replay this step in a few minutes: Callbell could not be reached (${code}), so the request to read funnels was not sent.`,
    );
  });

  it('a POST whose connection was reset may have landed: check before replaying', async () => {
    callbellApi()
      .post(`${API_PATH}/funnels`)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await failure({
      method: 'POST',
      path: '/funnels',
      about: { action: 'read funnels', thing: 'funnel' },
    });
    expect(error).toMatchObject({ code: 'CallbellUnreachable' });
    expect(error.message).toMatch(/^Check in Callbell whether this step took effect/);
  });

  it('never repeats the API key that an error body echoes', async () => {
    callbellApi()
      .get(`${API_PATH}/auth/me`)
      .reply(400, { error: `bad key ${API_KEY}` });
    const error = await failure({ path: '/auth/me' });
    expect(error.message).toBe(
      'Check the values mapped into this step. Callbell refused the request (HTTP 400): bad key [API key].',
    );
  });
});

describe('a 404 for a request that names no id', () => {
  it('says what was not found, without an empty quote', async () => {
    callbellApi().get(`${API_PATH}/templates`).reply(404, '');
    const error = await failure({
      path: '/templates',
      about: { action: 'read templates', thing: 'template list' },
    });
    expect(error.message).toBe(
      'Check that the value mapped into this step exists in your Callbell account: Callbell could not find the template list (HTTP 404).',
    );
  });
});

describe('isOutcomeUnknown: whether Callbell may have made the change', () => {
  const appError = (code: string) => new Error(JSON.stringify({ message: 'm', code }));

  it.each([
    ['no answer in time', appError('CallbellUnreachable'), true],
    ['a 5xx', appError('CallbellUnavailable'), true],
    ['a 2xx it cannot read', appError('CallbellUnreadableAnswer'), true],
    ['a request not sent', appError('RequestNotSent'), false],
    ['a refusal (403)', appError('CallbellForbidden'), false],
    ['a plain error', new Error('boom'), false],
    ['not an error', 'CallbellUnreachable', false],
  ])('%s', (_case, error, unknown) => {
    expect(isOutcomeUnknown(error)).toBe(unknown);
  });
});
