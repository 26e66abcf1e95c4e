import { performSendMessage } from '../../src/creates/send_message';
import { performUpdateContact } from '../../src/creates/update_contact';
import { updateConversationFunnelCreate } from '../../src/creates/update_conversation_funnel';
import { channelListDropdown } from '../../src/dropdowns/channel_list';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { run } from '../helpers/operations';
import type { Perform } from '../../src/operations';

/** One operation of each kind of request the app makes. */
const OPERATIONS: {
  kind: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  perform: Perform;
  input: Record<string, unknown>;
  /** The route tried when the first answers 404 or 405 (a route the docs give two ways). */
  fallback?: { method: 'POST'; path: string };
}[] = [
  {
    kind: 'read (dropdown)',
    method: 'GET',
    path: '/channels',
    perform: channelListDropdown.operation.perform,
    input: {},
  },
  {
    kind: 'send (POST)',
    method: 'POST',
    path: '/messages/send',
    perform: performSendMessage,
    input: { to: '+31612345678', text: 'Hi', channel_uuid: 'ch-1' },
  },
  {
    kind: 'update (PATCH)',
    method: 'PATCH',
    path: `/contacts/${contact.uuid}`,
    perform: performUpdateContact,
    input: { contact_uuid: contact.uuid, name: 'J' },
  },
  {
    kind: 'move (PUT)',
    method: 'PUT',
    path: `/contacts/${contact.uuid}/conversation/update_funnel`,
    perform: updateConversationFunnelCreate.operation.perform,
    input: { contact_uuid: contact.uuid, funnel_id: 'f1' },
    fallback: { method: 'POST', path: `/contacts/${contact.uuid}/messages/update_funnel` },
  },
];

/** What each status becomes, whatever the operation. */
const EXPECTED: [number, { name: string; message: RegExp }][] = [
  [400, { name: 'AppError', message: /Callbell refused the request \(HTTP 400\): bad input/ }],
  [401, { name: 'ExpiredAuthError', message: /Callbell rejected the API key \(HTTP 401/ }],
  [403, { name: 'AppError', message: /Callbell does not allow this API key to .+ \(HTTP 403/ }],
  [404, { name: 'AppError', message: /Callbell could not find the .+ \(HTTP 404/ }],
  [409, { name: 'AppError', message: /Callbell refused the request \(HTTP 409\)/ }],
  [422, { name: 'AppError', message: /Callbell refused the request \(HTTP 422\): bad input/ }],
  [429, { name: 'ThrottledError', message: /too many requests.*"delay":60/ }],
  [500, { name: 'AppError', message: /Callbell is temporarily unavailable \(HTTP 500\)/ }],
  [502, { name: 'AppError', message: /Callbell is temporarily unavailable \(HTTP 502\)/ }],
  [503, { name: 'AppError', message: /Callbell is temporarily unavailable \(HTTP 503\)/ }],
];

describe.each(OPERATIONS)('$kind', ({ method, path, perform, input, fallback }) => {
  it.each(EXPECTED)(
    'HTTP %i becomes the mapped error after exactly one request (per documented route)',
    async (status, expected) => {
      const scope = callbellApi()
        .intercept(`${API_PATH}${path}`, method)
        .query(true)
        .once()
        .reply(status, { error: 'bad input' });
      if (fallback && status === 404) {
        scope
          .intercept(`${API_PATH}${fallback.path}`, fallback.method)
          .once()
          .reply(status, { error: 'bad input' });
      }
      const error = await run(perform, input).then(
        () => undefined,
        (thrown: Error) => thrown,
      );
      expect(error?.name).toBe(expected.name);
      expect(error?.message).toMatch(expected.message);
      scope.done();
    },
  );

  it('a connection reset mid-way is a clear error, not a hang', async () => {
    callbellApi()
      .intercept(`${API_PATH}${path}`, method)
      .query(true)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await expect(run(perform, input)).rejects.toThrow(
      /Callbell could not be reached \(ECONNRESET\)/,
    );
  });
});
