import { performFindConversationMessages } from '../../src/searches/find_conversation_messages';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

/** The messages of contacts_api/get_contact_messages.md's example, newest first. */
const documented = [
  {
    text: 'Hello there how can I help you?',
    createdAt: '2023-12-12T10:56:36Z',
    uuid: 'cf839626ac7949879b88bcffd41d34fe',
    status: 'sent',
    channel: 'whatsapp',
    from: '393123456789',
    to: '390612345678',
  },
  {
    text: 'Conversation was assigned to John Doe',
    createdAt: '2023-12-12T10:56:35Z',
    status: 'note',
    channel: 'whatsapp',
    from: '390612345678',
    to: '390612345678',
  },
  {
    text: 'Hello there 👋',
    createdAt: '2023-12-12T10:53:32Z',
    status: 'received',
    channel: 'whatsapp',
    from: '390612345678',
    to: '393123456789',
  },
];

const received = (text: string, createdAt: string) => ({ ...documented[2], text, createdAt });

function expectPage(page: number, messages: object[]) {
  return callbellApi()
    .get(`${API_PATH}/contacts/${uuid}/messages`)
    .query({ page: String(page) })
    .reply(200, { messages });
}

describe('find_conversation_messages', () => {
  it("finds the customer's last message in one request", async () => {
    const scope = expectPage(1, documented);
    const [found] = await run(performFindConversationMessages, {
      contact_uuid: uuid,
      direction: 'received',
      max_results: '1',
    });
    expect(found).toEqual({
      id: `${uuid}-2023-12-12T10:53:32Z`,
      contact_uuid: uuid,
      uuid: null,
      text: 'Hello there 👋',
      status: 'received',
      channel: 'whatsapp',
      from: '390612345678',
      to: '393123456789',
      createdAt: '2023-12-12T10:53:32Z',
      count: 1,
      messages: [expect.objectContaining({ text: 'Hello there 👋' })],
    });
    scope.done();
  });

  it('finds every direction by default, newest first, by phone on a chosen channel', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .query({ channel_uuid: 'ch-2' })
      .reply(200, { contact });
    expectPage(1, documented);
    // Fewer than the 10 asked for, and no page size documented: page 2 says it has ended.
    expectPage(2, []);
    const [found] = await run(performFindConversationMessages, {
      phone: '+31 6 1234 5678',
      channel_uuid: 'ch-2',
    });
    expect(found?.messages.map((message) => message.status)).toEqual(['sent', 'note', 'received']);
    expect(found).toMatchObject({ id: 'cf839626ac7949879b88bcffd41d34fe', count: 3 });
    scope.done();
  });

  it('reads further pages only until enough messages of the direction are found', async () => {
    expectPage(1, [documented[0], documented[1], received('first', '2023-12-12T10:50:00Z')]);
    expectPage(2, [documented[0], received('second', '2023-12-11T10:00:00Z'), documented[1]]);
    const [found] = await run(performFindConversationMessages, {
      contact_uuid: uuid,
      direction: 'received',
      max_results: 2,
    });
    expect(found?.messages.map((message) => message.text)).toEqual(['first', 'second']);
  });

  it('stops after three pages', async () => {
    for (let page = 1; page <= 3; page += 1) {
      expectPage(page, [{ ...documented[0], uuid: `m${page}`, createdAt: `2023-12-0${page}` }]);
    }
    await expect(
      run(performFindConversationMessages, { contact_uuid: uuid, direction: 'received' }),
    ).resolves.toEqual([]);
  });

  it.each([
    [{ contact_uuid: uuid, direction: 'inbound' }, /^Direction: "inbound" is not one of/],
    [{ contact_uuid: uuid, max_results: '0' }, /^Number of Messages: must be a whole number/],
    [{ contact_uuid: uuid, max_results: '51' }, /^Number of Messages: must be a whole number/],
    [{ contact_uuid: uuid, max_results: '2.5' }, /^Number of Messages: must be a whole number/],
    [{}, /^Contact: choose or map the contact, or fill in Contact Phone Number/],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performFindConversationMessages, input))).toMatch(message);
  });
});
