import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { addConversationNoteCreate } from '../../src/creates/add_conversation_note';
import { closeConversationCreate } from '../../src/creates/close_conversation';
import { deleteContactCreate } from '../../src/creates/delete_contact';
import { openConversationCreate } from '../../src/creates/open_conversation';
import { setBotStatusCreate } from '../../src/creates/set_bot_status';
import { updateContactCreate } from '../../src/creates/update_contact';
import { updateConversationFunnelCreate } from '../../src/creates/update_conversation_funnel';
import { readContactTarget } from '../../src/fields/contact-target';
import { findConversationMessagesSearch } from '../../src/searches/find_conversation_messages';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorText, run } from '../helpers/operations';

const { uuid } = contact;

interface ContactAction {
  key: string;
  operation: {
    inputFields: readonly (PlainInputField | unknown)[];
    perform: (z: ZObject, bundle: Bundle) => Promise<unknown>;
  };
}

/** Every operation that names a contact by ID or phone number, and the change it then makes. */
const CONTACT_ACTIONS: [ContactAction, Record<string, unknown>, string][] = [
  [updateContactCreate, { name: 'Ana' }, `PATCH /contacts/${uuid}`],
  [addConversationNoteCreate, { text: 'Hi' }, `POST /contacts/${uuid}/conversation/note`],
  [closeConversationCreate, {}, `POST /contacts/${uuid}/conversation/close`],
  [openConversationCreate, {}, `POST /contacts/${uuid}/conversation/open`],
  [
    updateConversationFunnelCreate,
    { funnel_id: 'f1' },
    `PUT /contacts/${uuid}/conversation/update_funnel`,
  ],
  [setBotStatusCreate, { status: 'bot_end' }, `POST /contacts/${uuid}/bot`],
  [deleteContactCreate, { confirm: true }, `DELETE /contacts/${uuid}`],
  [findConversationMessagesSearch, {}, `GET /contacts/${uuid}/messages`],
];

describe('contact actions found by phone number', () => {
  it.each(CONTACT_ACTIONS.map(([action]) => [action.key, action]))(
    '%s offers the Channel to look the contact up on',
    (_key, { operation }) => {
      expect(operation.inputFields).toContainEqual(
        expect.objectContaining({ key: 'channel_uuid', dynamic: 'channel_list.id.name' }),
      );
    },
  );

  it.each(
    CONTACT_ACTIONS.map(([action, input, change]) => [action.key, action, input, change] as const),
  )(
    '%s passes channel_uuid to GET /contacts/phone/:number',
    async (_key, action, input, change) => {
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
      await run(action.operation.perform, {
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

  it.each([
    ['nothing', {}],
    ['a blank ID and a blank phone number', { contact_uuid: ' ', phone: '  ' }],
  ])('refuses %s before any request, naming Contact', (_case, input) => {
    expect(inputErrorText(() => readContactTarget(input))).toBe(
      'Contact: choose or map the contact, or fill in Contact Phone Number to find the contact by.',
    );
  });

  it('names Contact Phone Number for a number it cannot read', () => {
    expect(inputErrorText(() => readContactTarget({ phone: 'call me' }))).toMatch(
      /^Contact Phone Number: /,
    );
  });
});
