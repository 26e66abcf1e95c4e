import { performUpdateContact } from '../../src/creates/update_contact';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

describe('update_contact', () => {
  it('sends only the fields that were filled in, by contact ID, in one request', async () => {
    const scope = callbellApi()
      .patch(`${API_PATH}/contacts/${uuid}`, {
        tags: ['Lead', 'VIP'],
        custom_fields: { 'Order Total': '59.90' },
      })
      .reply(200, { contact: { ...contact, tags: ['Lead', 'VIP'] } });
    const result = await run(performUpdateContact, {
      contact_uuid: uuid,
      name: '',
      tags: ['Lead', 'VIP'],
      custom_fields: { 'Order Total': '59.90', Coupon: '' },
      note: '   ',
    });
    expect(result).toMatchObject({ id: uuid, tags: ['Lead', 'VIP'] });
    scope.done();
  });

  it('finds the contact by phone number first: two requests', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .reply(200, { contact })
      .patch(`${API_PATH}/contacts/${uuid}`, { name: 'Johnny' })
      .reply(200, { contact: [{ ...contact, name: 'Johnny' }] });
    await expect(
      run(performUpdateContact, { phone: '06 1234 5678', default_country: 'NL', name: 'Johnny' }),
    ).resolves.toMatchObject({ name: 'Johnny' });
    scope.done();
  });

  it.each([
    ['with changes', { phone: '+31612345678', name: 'X' }],
    ['with nothing to change', { phone: '+31612345678' }],
  ])(
    'halts, without turning the Zap off, when no contact has the number (%s)',
    async (_, input) => {
      callbellApi()
        .get(`${API_PATH}/contacts/phone/31612345678`)
        .reply(404, { error: 'Not found' });
      await expect(run(performUpdateContact, input)).rejects.toMatchObject({
        name: 'HaltedError',
        message: expect.stringMatching(
          /^Skipped: Callbell has no contact with the phone number \+31612345678\. To create it first/,
        ),
      });
    },
  );

  it.each([
    ['by contact', { contact_uuid: uuid }, `/contacts/${uuid}`],
    ['by phone number', { phone: '+31612345678' }, '/contacts/phone/31612345678'],
  ])(
    'with nothing to change, returns the contact unchanged (%s): one read, no write',
    async (_, input, path) => {
      const scope = callbellApi().get(`${API_PATH}${path}`).reply(200, { contact });
      await expect(run(performUpdateContact, input)).resolves.toMatchObject({
        id: uuid,
        name: contact.name,
      });
      scope.done();
    },
  );

  it('with nothing to change, an unknown contact is an error naming it', async () => {
    callbellApi().get(`${API_PATH}/contacts/nope`).reply(404, { error: 'Not found' });
    await expect(run(performUpdateContact, { contact_uuid: 'nope' })).rejects.toMatchObject({
      name: 'AppError',
      message: expect.stringContaining('Callbell has no contact \\"nope\\". Choose the contact'),
    });
  });

  it('unassigns and clears the note only when asked to', async () => {
    const scope = callbellApi()
      .patch(`${API_PATH}/contacts/${uuid}`, {
        note: '',
        unassign_user: true,
        bot_status: 'bot_start',
      })
      .reply(200, { contact });
    await run(performUpdateContact, {
      contact_uuid: uuid,
      clear_note: 'true',
      unassign_user: true,
      bot_status: 'bot_start',
    });
    scope.done();
  });

  it.each([
    [
      { contact_uuid: uuid, unassign_user: true, assigned_user: 'a@b.co' },
      /^Unassign User: choose either/,
    ],
    [{ contact_uuid: uuid, clear_note: true, note: 'new' }, /^Clear Note: choose either/],
    [{ name: 'X' }, /^Contact: choose or map the contact, or fill in Contact Phone Number/],
    [{ phone: 'call me', name: 'X' }, /^Contact Phone Number: "call me" contains letters/],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performUpdateContact, input))).toMatch(message);
  });
});
