import App from '../../index';
import { readContactTarget } from '../../src/fields/contact-target';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { performOf, run } from '../helpers/operations';

const { uuid } = contact;

/** Every action that names a contact by ID or phone number. */
const CONTACT_ACTIONS: [string, string, Record<string, unknown>, string][] = [
  ['creates', 'update_contact', { name: 'Ana' }, `PATCH /contacts/${uuid}`],
  ['creates', 'add_conversation_note', { text: 'Hi' }, `POST /contacts/${uuid}/conversation/note`],
  ['creates', 'close_conversation', {}, `POST /contacts/${uuid}/conversation/close`],
  ['creates', 'open_conversation', {}, `POST /contacts/${uuid}/conversation/open`],
  [
    'creates',
    'update_conversation_funnel',
    { funnel_id: 'f1' },
    `PUT /contacts/${uuid}/conversation/update_funnel`,
  ],
  ['creates', 'set_bot_status', { status: 'bot_end' }, `POST /contacts/${uuid}/bot`],
  ['creates', 'delete_contact', { confirm: true }, `DELETE /contacts/${uuid}`],
  ['searches', 'find_conversation_messages', {}, `GET /contacts/${uuid}/messages`],
];

function operationOf(kind: string, key: string) {
  const group = kind === 'creates' ? App.creates : App.searches;
  const found = group[key];
  if (!found) throw new Error(`no ${kind}.${key}`);
  return found;
}

describe('contact actions found by phone number', () => {
  it.each(CONTACT_ACTIONS)('%s.%s offers the Channel to look the contact up on', (kind, key) => {
    const fields = operationOf(kind, key).operation.inputFields ?? [];
    expect(fields).toContainEqual(
      expect.objectContaining({ key: 'channel_uuid', dynamic: 'channel_list.id.name' }),
    );
  });

  it.each(CONTACT_ACTIONS)(
    '%s.%s passes channel_uuid to GET /contacts/phone/:number',
    async (kind, key, input, change) => {
      const [method = 'GET', path = ''] = change.split(' ');
      const scope = callbellApi()
        .get(`${API_PATH}/contacts/phone/31612345678`)
        .query({ channel_uuid: 'ch-2' })
        .reply(200, { contact })
        .intercept(`${API_PATH}${path}`, method)
        .query(true)
        .reply(200, {
          contact: [contact],
          success: true,
          bot: {},
          messages: [],
          status: 'contact was destroyed',
        });
      await run(performOf(operationOf(kind, key)), {
        phone: '+31612345678',
        channel_uuid: 'ch-2',
        ...input,
      });
      scope.done();
    },
  );

  it.each([
    [{ contact_uuid: uuid, channel_uuid: 'ch-2' }, { uuid }],
    [{ phone: '+31612345678' }, { digits: '31612345678' }],
    [
      { phone: '+31612345678', channel_uuid: ' ch-2 ' },
      { digits: '31612345678', channelUuid: 'ch-2' },
    ],
  ])('reads %j as %j', (input, target) => {
    expect(readContactTarget(input)).toEqual(target);
  });
});
