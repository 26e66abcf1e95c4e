import { contactTargetFields, readContactTarget } from '../../src/fields/contact-target';
import { listedSteps, performOf } from '../../scripts/lib/operation-examples';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorText, run, withoutContact } from '../helpers/operations';

const { uuid } = contact;
const [contactField] = contactTargetFields;

/**
 * Every operation that names a contact by ID or phone number (it offers the shared contact
 * fields), with its example's other input and the requests the example then makes, about the
 * contact found: built from the examples, so a new action is covered without a word here.
 */
const CONTACT_ACTIONS = listedSteps()
  .filter(({ definition }) => definition.operation.inputFields?.includes(contactField))
  .map((listed) => {
    const { key, definition, example } = listed;
    const named = String(example.input.contact_uuid);
    const changes = example.requests.map((request) => request.replace(named, uuid));
    return [key, definition, performOf(listed), withoutContact(example.input), changes] as const;
  });

describe('contact actions found by phone number', () => {
  it('covers the actions that act on a contact', () => {
    expect(CONTACT_ACTIONS.map(([key]) => key)).toEqual(
      expect.arrayContaining(['update_contact', 'add_conversation_note', 'delete_contact']),
    );
  });

  it.each(CONTACT_ACTIONS)(
    '%s offers the Channel to look the contact up on',
    (_key, { operation }) => {
      expect(operation.inputFields).toContainEqual(
        expect.objectContaining({ key: 'channel_uuid', dynamic: 'channel_list.id.name' }),
      );
    },
  );

  it.each(CONTACT_ACTIONS)(
    '%s passes channel_uuid to GET /contacts/phone/:number, then makes its change',
    async (_key, _definition, perform, input, changes) => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts/phone/31612345678`)
        .query({ channel_uuid: 'ch-2' })
        .reply(200, { contact });
      for (const change of changes) {
        const [method = 'GET', path = ''] = change.split(' ');
        scope
          .intercept(`${API_PATH}${path}`, method)
          .query(true)
          .reply(200, {
            contact: [contact],
            success: true,
            bot: {},
            messages: [],
            funnels: [],
            status: 'contact was destroyed',
          });
      }
      await run(perform, {
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
