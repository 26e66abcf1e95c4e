import type { ZObject } from 'zapier-platform-core';
import nock from 'nock';
import {
  callbell,
  callbellIfRouteExists,
  type CallbellRequest,
  type Expected,
} from '../../src/client/request';
import { MAX_REQUESTS_PER_STEP, MIN_REQUEST_MS, STEP_BUDGET_MS } from '../../src/client/step';
import { API_KEY, API_PATH, appTester, bundleWith, callbellApi, loggingTo } from '../helpers/app';
import {
  failure,
  failureDetails,
  MANAGE_CONTACTS,
  run,
  type FailureDetails,
  type Request,
} from '../helpers/callbell-request';
import { elapse, later, useFakeClock } from '../helpers/clock';

/** The request run with the step's log captured: what it answered or threw, and the log. */
async function runLogged(
  request: Request,
): Promise<{ answer?: unknown; error?: FailureDetails; lines: string[] }> {
  const lines: string[] = [];
  const outcome: { answer?: unknown; error?: FailureDetails } = await appTester(
    (z: ZObject) => callbell(loggingTo(z, lines), { about: MANAGE_CONTACTS, ...request }),
    bundleWith(),
  ).then(
    (answer: unknown) => ({ answer }),
    (error: Error) => ({ error: failureDetails(error) }),
  );
  return { ...outcome, lines };
}

/** Nested `depth` objects deep, as JSON text. */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const THREE_MB = 'x'.repeat(3 * 1024 * 1024);

describe('refused before anything is sent', () => {
  const TEMPLATE_TEXT =
    'A value mapped into this step contains "{{bundle." or "{{process." text, which Zapier does not let an integration send, so nothing was sent. Remove that text from the value.';
  const PATH_TEXT =
    'This step built an address for Callbell with an empty, "." or ".." part, so nothing was sent. Check the IDs mapped into this step.';

  it.each<[string, Request, string]>([
    [
      'a bundle template in the query',
      { path: '/contacts', params: { q: '{{bundle.authData.api_key}}' } },
      TEMPLATE_TEXT,
    ],
    [
      'a process template in the body',
      { method: 'POST', path: '/contacts', body: { name: '{{ process.env.KEY }}' } },
      TEMPLATE_TEXT,
    ],
    ['an empty path segment', { path: '/contacts//notes' }, PATH_TEXT],
    [
      'a template deep in the body',
      {
        method: 'POST',
        path: '/contacts',
        body: { custom_fields: { Note: 'x {{bundle.inputData.a}}' } },
      },
      TEMPLATE_TEXT,
    ],
    ['a ".." path segment', { path: '/contacts/../auth/me' }, PATH_TEXT],
    [
      'a broken character in the query',
      { path: '/contacts', params: { q: 'Ana \ud800' } },
      'The value sent as q contains a broken character, so nothing was sent. Check the value mapped into this step.',
    ],
  ])('%s', async (_case, request, message) => {
    await expect(failure(request)).resolves.toMatchObject({ code: 'UnsafeRequest', message });
  });

  it.each<[string, Request, Record<string, string>]>([
    [
      'braces that are no template',
      { path: '/contacts', params: { q: '{{bundle.x' } },
      { q: '{{bundle.x' },
    ],
    ['a number in the query', { path: '/contacts', params: { page: 2 } }, { page: '2' }],
    [
      'an emoji (a surrogate pair)',
      { path: '/contacts', params: { q: 'Ana 😀' } },
      { q: 'Ana 😀' },
    ],
  ])('but sends %s', async (_case, request, query) => {
    const scope = callbellApi().get(`${API_PATH}/contacts`).query(query).reply(200, { ok: true });
    await expect(run(request)).resolves.toEqual({ ok: true });
    scope.done();
  });
});

describe('answers read as documented', () => {
  it.each<[string, Partial<CallbellRequest>, number, string, unknown]>([
    ['204 No Content', {}, 204, '', {}],
    ['an empty answer to a DELETE', { method: 'DELETE' }, 200, '', {}],
    [
      'a record sent as a one-element list',
      { expects: { key: 'contact', as: 'record' } },
      200,
      '{"contact":[{"uuid":"c1"}]}',
      { contact: [{ uuid: 'c1' }] },
    ],
    [
      'a list',
      { expects: { key: 'contacts', as: 'list' } },
      200,
      '{"contacts":[]}',
      { contacts: [] },
    ],
    [
      'a value',
      { expects: { key: 'status', as: 'value' } },
      200,
      '{"status":false}',
      { status: false },
    ],
    ['JSON with spaces around it', {}, 200, ' \n{"ok":1}\n ', { ok: 1 }],
    ['JSON nested 64 levels', {}, 200, nested(63), JSON.parse(nested(63))],
    [
      'an answer that echoes the key, redacted',
      {},
      201,
      `{"token":"${API_KEY}"}`,
      { token: '[API key]' },
    ],
  ])('%s', async (_case, request, status, body, expected) => {
    const method = request.method ?? 'GET';
    const scope = callbellApi().intercept(`${API_PATH}/contacts/c1`, method).reply(status, body);
    const { answer, lines } = await runLogged({ path: '/contacts/c1', ...request });
    expect(answer).toEqual(expected);
    expect(lines).toEqual([]);
    scope.done();
  });
});

describe('answers this app cannot read are errors, never "nothing"', () => {
  const readAgain = (status: number, what: string) =>
    `Try again in a few minutes. Callbell answered (HTTP ${status}) with ${what}, not the JSON it documents, so this step could not read it to manage contacts; nothing was changed.`;
  const checkFirst = (status: number, what: string) =>
    `Check in Callbell whether this step took effect before replaying it: Callbell answered (HTTP ${status}) with ${what}, not the JSON it documents, so it is unknown whether it managed to manage contacts.`;
  const contact: Expected = { key: 'contact', as: 'record' };

  it.each<[string, Partial<CallbellRequest>, number, string, string]>([
    ['an empty answer to a read', {}, 200, '', readAgain(200, 'an empty answer')],
    ['blanks', {}, 200, ' \n ', readAgain(200, 'an empty answer')],
    ['an empty answer to a write', { method: 'POST' }, 201, '', checkFirst(201, 'an empty answer')],
    [
      'an empty answer to a DELETE that should say more',
      { method: 'DELETE', expects: { key: 'status', as: 'value' } },
      200,
      '',
      checkFirst(200, 'an empty answer'),
    ],
    [
      'an HTML page',
      {},
      200,
      '<!DOCTYPE html><title>Login</title>',
      readAgain(200, 'an HTML page'),
    ],
    ['cut-off JSON', {}, 200, '{"contact":', readAgain(200, 'incomplete or invalid JSON')],
    ['null', {}, 200, 'null', readAgain(200, 'null')],
    ['a list', {}, 200, '[{"uuid":"c1"}]', readAgain(200, 'a JSON list')],
    ['a string', {}, 200, '"ok"', readAgain(200, 'a JSON string')],
    ['a number', {}, 200, '42', readAgain(200, 'a JSON number')],
    ['a boolean', { method: 'PATCH' }, 200, 'true', checkFirst(200, 'a JSON boolean')],
    ['JSON nested 65 levels', {}, 200, nested(65), readAgain(200, 'JSON nested too deeply')],
    [
      'a record that is missing',
      { expects: contact },
      200,
      '{"contacts":[]}',
      readAgain(200, 'an answer without its "contact"'),
    ],
    [
      'a record that is text',
      { expects: contact },
      200,
      '{"contact":"c1"}',
      readAgain(200, 'an answer without its "contact"'),
    ],
    [
      'a record list that is empty',
      { expects: contact },
      200,
      '{"contact":[]}',
      readAgain(200, 'an answer without its "contact"'),
    ],
    [
      'a record that is null',
      { method: 'POST', expects: contact },
      200,
      '{"contact":null}',
      checkFirst(200, 'an answer without its "contact"'),
    ],
    [
      'a list that is an object',
      { expects: { key: 'contacts', as: 'list' } },
      200,
      '{"contacts":{}}',
      readAgain(200, 'an answer without its "contacts"'),
    ],
    [
      'a value that is null',
      { expects: { key: 'status', as: 'value' } },
      200,
      '{"status":null}',
      readAgain(200, 'an answer without its "status"'),
    ],
    [
      'a value that is missing',
      { expects: { key: 'status', as: 'value' } },
      200,
      '{}',
      readAgain(200, 'an answer without its "status"'),
    ],
    [
      'an HTML 404 (from a proxy, not Callbell)',
      {},
      404,
      '<html><h1>Not Found</h1></html>',
      readAgain(404, 'an HTML page'),
    ],
    ['a redirect, not followed', {}, 302, '', readAgain(302, 'a redirect to another address')],
    [
      'a write redirected, not followed',
      { method: 'POST' },
      307,
      '',
      checkFirst(307, 'a redirect to another address'),
    ],
    [
      'blanks where a DELETE should say more',
      { method: 'DELETE', expects: { key: 'status', as: 'value' } },
      200,
      ' \n',
      checkFirst(200, 'an empty answer'),
    ],
    [
      'an HTML page where a record is expected',
      { expects: contact },
      200,
      '<html><body>Maintenance</body></html>',
      readAgain(200, 'an HTML page'),
    ],
    ['more than 2 MB', {}, 200, THREE_MB, readAgain(200, 'more than 2 MB')],
    [
      'more than 2 MB, created',
      { method: 'POST' },
      201,
      THREE_MB,
      checkFirst(201, 'more than 2 MB'),
    ],
    [
      'more than 2 MB after a write',
      { method: 'PUT' },
      200,
      THREE_MB,
      checkFirst(200, 'more than 2 MB'),
    ],
  ])('%s', async (_case, request, status, body, message) => {
    const method = request.method ?? 'GET';
    const scope = callbellApi()
      .intercept(`${API_PATH}/contacts/c1`, method)
      .reply(status, body, { Location: 'https://elsewhere.example/contacts/c1' });
    const { error } = await runLogged({ path: '/contacts/c1', ...request });
    expect(error).toEqual({
      message,
      code: 'CallbellUnreadableAnswer',
      status,
    });
    scope.done();
  });

  it('logs what Callbell answered, redacted and cut to 500 characters', async () => {
    callbellApi()
      .get(`${API_PATH}/contacts/c1`)
      .reply(200, `<html>${API_KEY}${'x'.repeat(600)}</html>`);
    const { lines } = await runLogged({ path: '/contacts/c1' });
    const prefix = 'Callbell answered HTTP 200 to GET /contacts/c1: ';
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(`${prefix}<html>[API key]xxx`)).toBe(true);
    expect(lines[0]?.length).toBe(prefix.length + 500);
    expect(lines[0]?.endsWith('x…')).toBe(true);
  });
});

describe('error answers', () => {
  it('are logged, redacted, before they become the error', async () => {
    callbellApi()
      .delete(`${API_PATH}/contacts/c1`)
      .reply(422, { error: `key ${API_KEY} may not delete` });
    const { error, lines } = await runLogged({ method: 'DELETE', path: '/contacts/c1' });
    expect(error).toMatchObject({
      code: 'CallbellInvalidRequest',
      status: 422,
    });
    expect(lines).toEqual([
      'Callbell answered HTTP 422 to DELETE /contacts/c1: {"error":"key [API key] may not delete"}',
    ]);
  });

  it('too large to read still say what their status means', async () => {
    callbellApi().get(`${API_PATH}/contacts/c1`).reply(503, THREE_MB);
    const { error, lines } = await runLogged({ path: '/contacts/c1' });
    expect(error).toEqual({
      message: 'Try again in a few minutes. Callbell is temporarily unavailable (HTTP 503).',
      code: 'CallbellUnavailable',
      status: 503,
    });
    expect(lines).toEqual(['Callbell answered HTTP 503 to GET /contacts/c1: ']);
  });
});

describe('one step sends at most MAX_REQUESTS_PER_STEP requests', () => {
  it.each([
    ['GET', 'Try again; if it persists, report it to the maintainers of this integration.'],
    ['POST', 'Check in Callbell what was done before replaying this step.'],
  ] as const)('the next %s is refused, saying what to do', async (method, advice) => {
    const scope = callbellApi()
      .intercept(`${API_PATH}/contacts`, method)
      .times(MAX_REQUESTS_PER_STEP)
      .reply(200, { ok: true });
    const error = await failure(async (z: ZObject) => {
      for (let sent = 0; sent <= MAX_REQUESTS_PER_STEP; sent += 1) {
        await callbell(z, { method, path: '/contacts', about: MANAGE_CONTACTS });
      }
    });
    expect(error).toMatchObject({
      code: 'TooManyRequests',
      message: `This step needed more than ${MAX_REQUESTS_PER_STEP} requests to manage contacts, more than it ever should, and stopped. ${advice}`,
    });
    scope.done();
  });
});

describe('one step has 25 seconds for all its requests', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('does not send a request it has no time left for, and says a replay is safe', async () => {
    useFakeClock();
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/c1`)
      .reply(async () => {
        await later(STEP_BUDGET_MS - MIN_REQUEST_MS + 500);
        return [200, { contact: { uuid: 'c1' } }];
      });
    const failed = failure(async (z: ZObject) => {
      await callbell(z, { path: '/contacts/c1', about: MANAGE_CONTACTS });
      await callbell(z, {
        method: 'POST',
        path: '/contacts/c1/conversation/note',
        about: MANAGE_CONTACTS,
      });
    });
    await elapse(STEP_BUDGET_MS);
    await expect(failed).resolves.toMatchObject({
      code: 'RequestNotSent',
      message:
        "Replay this step in a few minutes: Callbell's earlier answers used up its 25 seconds, so the request to manage contacts was not sent.",
    });
    scope.done();
  });
});

describe('maxMs: time a step keeps for what follows a request', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('gives up a request that has not answered by maxMs, leaving the step its time', async () => {
    useFakeClock();
    const scope = callbellApi()
      .post(`${API_PATH}/webhooks/subscribe`)
      .reply(async () => {
        await later(60_000);
        return [200, {}];
      });
    let endedAt = Infinity;
    const start = Date.now();
    const failed = failure((z: ZObject) =>
      callbell(z, {
        method: 'POST',
        path: '/webhooks/subscribe',
        about: MANAGE_CONTACTS,
        maxMs: 4_000,
      }).finally(() => (endedAt = Date.now() - start)),
    );
    await elapse(STEP_BUDGET_MS);
    await expect(failed).resolves.toMatchObject({ code: 'CallbellUnreachable' });
    expect(endedAt).toBeLessThan(5_000);
    scope.done();
  });

  it.each([0, MIN_REQUEST_MS - 1])(
    'does not send a request whose maxMs is %i ms, under the least a request may take',
    async (maxMs) => {
      const failed = failure((z: ZObject) =>
        callbell(z, { method: 'POST', path: '/webhooks/subscribe', about: MANAGE_CONTACTS, maxMs }),
      );
      await expect(failed).resolves.toMatchObject({ code: 'RequestNotSent' });
    },
  );
});

describe('callbellIfRouteExists: a route the docs give two ways', () => {
  const ask = () =>
    appTester(
      (z: ZObject) => callbellIfRouteExists(z, { path: '/contacts/c1/x', about: MANAGE_CONTACTS }),
      bundleWith(),
    );

  it.each([
    ['404', 404, '{"error":"Not found"}'],
    ['405', 405, ''],
    ['404 with an HTML page', 404, '<html><h1>Not Found</h1></html>'],
  ])('answers null for %s: this route is not there', async (_case, status, body) => {
    const scope = callbellApi().get(`${API_PATH}/contacts/c1/x`).reply(status, body);
    await expect(ask()).resolves.toBeNull();
    scope.done();
  });

  it('reads a 200 as any request does', async () => {
    const scope = callbellApi().get(`${API_PATH}/contacts/c1/x`).reply(200, { ok: true });
    await expect(ask()).resolves.toEqual({ ok: true });
    scope.done();
  });

  it('turns any other error into its error', async () => {
    callbellApi().get(`${API_PATH}/contacts/c1/x`).reply(403, { error: 'No' });
    await expect(ask().catch((error: Error) => failureDetails(error))).resolves.toMatchObject({
      code: 'CallbellForbidden',
      status: 403,
    });
  });
});

describe('what else can go wrong on the way', () => {
  it('logs an answer of HTTP 300 like any answer that is not a success', async () => {
    callbellApi().get(`${API_PATH}/contacts/c1`).reply(300, 'choices');
    const { lines } = await runLogged({ path: '/contacts/c1' });
    expect(lines).toEqual(['Callbell answered HTTP 300 to GET /contacts/c1: choices']);
  });

  it('sends a number in the query as its digits', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts`)
      .query({ page: '2' })
      .reply(200, { contacts: [] });
    await expect(run({ path: '/contacts', params: { page: 2 } })).resolves.toEqual({
      contacts: [],
    });
    scope.done();
  });

  it.each([
    [
      'a z.errors error from the way out passes as it is',
      () => new Error('{"message":"Refused by the middleware","code":"X"}'),
      true,
      { message: 'Refused by the middleware', code: 'X' },
    ],
    [
      'any other error says the request was not sent, by its name',
      () => new TypeError('boom'),
      false,
      {
        code: 'RequestNotSent',
        message: expect.stringMatching(
          /could not be sent \(TypeError\), so nothing reached Callbell\.$/,
        ),
      },
    ],
  ])('%s', async (_case, make, zapierError, expected) => {
    const failing = (z: ZObject): ZObject => ({
      ...z,
      request: async () => {
        throw Object.assign(make(), zapierError ? { doNotContextify: true } : {});
      },
    });
    const error = await failure((z: ZObject) =>
      callbell(failing(z), { method: 'POST', path: '/contacts', about: MANAGE_CONTACTS }),
    );
    expect(error).toMatchObject(expected);
  });
});

describe('a request that takes too long', () => {
  afterEach(() => {
    jest.useRealTimers();
    nock.abortPendingRequests();
  });

  /** The error of a GET whose answer `delay`s, once the step's 25 s and a little are over. */
  async function timedOut(delay: (scope: nock.Interceptor) => nock.Scope) {
    useFakeClock();
    delay(callbellApi().get(`${API_PATH}/contacts/c1`));
    let settled: FailureDetails | 'pending' | 'answered' = 'pending';
    void failure(async (z: ZObject) =>
      callbell(z, { path: '/contacts/c1', about: MANAGE_CONTACTS }),
    ).then(
      (error) => (settled = error),
      () => (settled = 'answered'),
    );
    await elapse(STEP_BUDGET_MS + 500);
    return settled;
  }

  const timedOutRead = {
    code: 'CallbellUnreachable',
    message:
      'Try again in a few minutes. Callbell did not answer within 25 seconds while trying to manage contacts.',
  };

  it('ends when no answer comes', async () => {
    const error = await timedOut((scope) =>
      scope.delay(STEP_BUDGET_MS + 5_000).reply(200, { contact: {} }),
    );
    expect(error).toMatchObject(timedOutRead);
  });
});
