import { performUpdateContact } from '../../src/creates/update_contact';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { failure } from '../helpers/callbell-request';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

describe('update_contact', () => {
  it('sends only the fields that were filled in, by contact ID, in one request', async () => {
    const scope = callbellApi()
      .patch(`${API_PATH}/contacts/${uuid}`, { tags: ['Lead', 'VIP'], note: 'Paid' })
      .reply(200, { contact: { ...contact, tags: ['Lead', 'VIP'] } });
    const result = await run(performUpdateContact, {
      contact_uuid: uuid,
      name: '',
      tags: ['Lead', 'VIP'],
      tags_mode: 'replace',
      custom_fields: { Coupon: '' },
      note: 'Paid',
    });
    expect(result).toMatchObject({ id: uuid, tags: ['Lead', 'VIP'] });
    scope.done();
  });

  // contacts_api/patch_contacts.md says neither whether `tags` replaces or adds, nor whether
  // `custom_fields` merges or replaces: the answer must show what was meant.
  describe('under each reading of PATCH', () => {
    const withTypes = { include_field_types: 'true' };
    const customFields = { Plan: 'Pro', 'Order Total': '59.90' };

    it('custom fields merged: one read, one PATCH with the named fields only', async () => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, { contact: { ...contact, customFields } })
        .patch(`${API_PATH}/contacts/${uuid}`, { custom_fields: { Plan: 'Enterprise' } })
        .reply(200, {
          contact: [{ ...contact, customFields: { ...customFields, Plan: 'Enterprise' } }],
        });
      await expect(
        run(performUpdateContact, { contact_uuid: uuid, custom_fields: { Plan: 'Enterprise' } }),
      ).resolves.toMatchObject({ customFields: { Plan: 'Enterprise', 'Order Total': '59.90' } });
      scope.done();
    });

    // patch_contacts.md's example answer shows `customFields: {}` after its snippet sent some.
    it('an answer that does not show the change, while the contact does: one more read, success', async () => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, { contact: { ...contact, tags: ['Lead'], customFields } })
        .patch(`${API_PATH}/contacts/${uuid}`, {
          tags: ['Lead', 'VIP'],
          custom_fields: { Plan: 'Enterprise' },
        })
        .reply(200, { contact: [{ ...contact, tags: [], customFields: {} }] })
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, {
          contact: [
            {
              ...contact,
              tags: ['Lead', 'VIP'],
              customFields: { ...customFields, Plan: 'Enterprise' },
            },
          ],
        });
      await expect(
        run(performUpdateContact, {
          contact_uuid: uuid,
          tags: ['VIP'],
          custom_fields: { Plan: 'Enterprise' },
        }),
      ).resolves.toMatchObject({ tags: ['Lead', 'VIP'], customFields: { Plan: 'Enterprise' } });
      scope.done();
    });

    it('custom fields replaced: the fields it lost are sent again, once', async () => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, {
          contact: {
            ...contact,
            customFields: { ...customFields, Interests: '["Shoes"]' },
            customFieldsMetadata: {
              Interests: { value: ['Shoes'], type: 'checkbox' },
              'Order Total': { value: '59.90', type: 'number' },
            },
          },
        })
        .patch(`${API_PATH}/contacts/${uuid}`, { custom_fields: { Plan: 'Enterprise' } })
        .reply(200, { contact: { ...contact, customFields: { Plan: 'Enterprise' } } })
        // The answer lost fields: the contact is read again, and has lost them too.
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, { contact: { ...contact, customFields: { Plan: 'Enterprise' } } })
        .patch(`${API_PATH}/contacts/${uuid}`, {
          custom_fields: { 'Order Total': '59.90', Interests: ['Shoes'], Plan: 'Enterprise' },
        })
        .reply(200, {
          contact: {
            ...contact,
            customFields: { Plan: 'Enterprise', 'Order Total': '59.90', Interests: '["Shoes"]' },
          },
        });
      await expect(
        run(performUpdateContact, { contact_uuid: uuid, custom_fields: { Plan: 'Enterprise' } }),
      ).resolves.toMatchObject({ customFields: { Plan: 'Enterprise', Interests: ['Shoes'] } });
      scope.done();
    });

    it('a custom field the answer does not show as sent fails the step, saying what to do', async () => {
      callbellApi()
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, { contact: { ...contact, customFields } })
        .patch(`${API_PATH}/contacts/${uuid}`)
        .reply(200, { contact: { ...contact, customFields } })
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, { contact: { ...contact, customFields } });
      const { message, code } = await failure(performUpdateContact, {
        contact_uuid: uuid,
        custom_fields: { Plan: 'Enterprise' },
      });
      expect(code).toBe('CustomFieldsNotApplied');
      expect(message).toMatch(/^Check the contact's custom fields in Callbell: Plan not as sent\./);
      expect(message?.length).toBeLessThanOrEqual(250);
    });

    it.each([
      // [mode, the contact's tags, Tags, what PATCH sends, what a PATCH that adds leaves]
      ['remove', ['Lead', 'VIP'], ['VIP'], ['Lead'], /still has VIP/],
      ['replace', ['Lead'], ['VIP'], ['VIP'], /still has Lead/],
    ])(
      'Tags Mode %s when PATCH only adds tags: the step fails',
      async (mode, current, given, sent, problem) => {
        const scope = callbellApi();
        if (mode !== 'replace')
          scope
            .get(`${API_PATH}/contacts/${uuid}`)
            .query(withTypes)
            .reply(200, { contact: { ...contact, tags: current } });
        const added = { contact: { ...contact, tags: [...new Set([...current, ...sent])] } };
        scope
          .patch(`${API_PATH}/contacts/${uuid}`, { tags: sent })
          .reply(200, added)
          .get(`${API_PATH}/contacts/${uuid}`)
          .query(withTypes)
          .reply(200, added);
        const { message, code } = await failure(performUpdateContact, {
          contact_uuid: uuid,
          tags: given,
          tags_mode: mode,
        });
        expect(code).toBe('TagsNotApplied');
        expect(message).toMatch(/^Check the contact's tags in Callbell: /);
        expect(message).toMatch(problem);
        expect(message?.length).toBeLessThanOrEqual(250);
        scope.done();
      },
    );

    it('a tag another step took off meanwhile fails the step, naming it', async () => {
      callbellApi()
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, { contact: { ...contact, tags: ['Lead'] } })
        .patch(`${API_PATH}/contacts/${uuid}`, { tags: ['Lead', 'VIP'] })
        .reply(200, { contact: { ...contact, tags: ['VIP'] } })
        .get(`${API_PATH}/contacts/${uuid}`)
        .query(withTypes)
        .reply(200, { contact: { ...contact, tags: ['VIP'] } });
      const { message } = await failure(performUpdateContact, {
        contact_uuid: uuid,
        tags: ['VIP'],
      });
      expect(message).toMatch(/missing Lead/);
    });
  });

  it.each([
    // [mode, the contact's tags, Tags, what PATCH sends]
    [undefined, ['Lead', 'Newsletter'], ['VIP'], ['Lead', 'Newsletter', 'VIP']],
    ['add', ['Lead', 'VIP'], ['vip', 'Paid'], ['Lead', 'VIP', 'Paid']],
    ['remove', ['Lead', 'VIP', 'Paid'], ['vip'], ['Lead', 'Paid']],
    ['remove', ['Lead'], ['Lead'], []],
  ])(
    'Tags Mode %s: reads the contact by ID (one GET), then sends the whole list',
    async (mode, current, given, sent) => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts/${uuid}`)
        .query({ include_field_types: 'true' })
        .reply(200, { contact: [{ ...contact, tags: current }] })
        .patch(`${API_PATH}/contacts/${uuid}`, { tags: sent })
        .reply(200, { contact: { ...contact, tags: sent } });
      const result = await run(performUpdateContact, {
        contact_uuid: uuid,
        tags: given,
        tags_mode: mode,
      });
      expect(result.tags).toEqual(sent);
      scope.done();
    },
  );

  it('adds tags to a contact found by phone on a channel with no extra read: two requests', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .query({ channel_uuid: 'ch-2' })
      .reply(200, { contact: { ...contact, tags: ['Lead'] } })
      .patch(`${API_PATH}/contacts/${uuid}`, { name: 'Ana', tags: ['Lead', 'VIP'] })
      .reply(200, { contact: { ...contact, tags: ['Lead', 'VIP'] } });
    await run(performUpdateContact, {
      phone: '+31612345678',
      channel_uuid: 'ch-2',
      name: 'Ana',
      tags: 'VIP',
    });
    scope.done();
  });

  it('says when no contact has the ID whose tags it must read', async () => {
    callbellApi()
      .get(`${API_PATH}/contacts/${uuid}`)
      .query({ include_field_types: 'true' })
      .reply(404, { error: 'Not found' });
    await expect(run(performUpdateContact, { contact_uuid: uuid, tags: ['VIP'] })).rejects.toThrow(
      /Callbell has no contact .*Choose the contact again/,
    );
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
          /^Skipped: Callbell has no contact with the phone number \+31612345678 on your main WhatsApp channel\. To create it first/,
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
      const scope = callbellApi().get(`${API_PATH}${path}`).query(true).reply(200, { contact });
      await expect(run(performUpdateContact, input)).resolves.toMatchObject({
        id: uuid,
        name: contact.name,
      });
      scope.done();
    },
  );

  it('with nothing to change, an unknown contact is an error naming it', async () => {
    callbellApi()
      .get(`${API_PATH}/contacts/ffffffffffffffffffffffffffffffff`)
      .query(true)
      .reply(404, { error: 'Not found' });
    await expect(
      run(performUpdateContact, { contact_uuid: 'ffffffffffffffffffffffffffffffff' }),
    ).rejects.toMatchObject({
      name: 'AppError',
      message: expect.stringContaining(
        'Callbell has no contact \\"ffffffffffffffffffffffffffffffff\\". Choose the contact',
      ),
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
      /^Unassign Agent: choose either/,
    ],
    [{ contact_uuid: uuid, clear_note: true, note: 'new' }, /^Clear Note: choose either/],
    [{ name: 'X' }, /^Contact: choose or map the contact, or fill in Contact Phone Number/],
    [{ phone: 'call me', name: 'X' }, /^Contact Phone Number: "call me" contains letters/],
    [
      { contact_uuid: uuid, tags: ['VIP'], tags_mode: 'merge' },
      /^Tags Mode: "merge" is not one of the choices\. Use one of: add, replace, remove/,
    ],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performUpdateContact, input))).toMatch(message);
  });
});
