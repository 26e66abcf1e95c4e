import { performCreateContact } from '../../src/creates/create_contact';
import typeform from '../fixtures/sources/typeform-response.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const created = {
  uuid: 'f00dfeed0123456789abcdef01234567',
  name: 'Beatriz Lima',
  phoneNumber: '5511987654321',
  source: 'whatsapp',
  tags: ['Lead', 'Enterprise'],
  customFields: { Plan: 'Enterprise' },
  createdAt: '2026-11-21T08:15:05Z',
};

function answer(name: string) {
  return typeform.form_response.answers.find((item) => item.field.ref === name);
}

describe('create_contact', () => {
  it('creates a Typeform lead with tags, custom fields, note and team in one request', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts`, {
        identifier: '5511987654321',
        source: 'whatsapp',
        name: 'Beatriz Lima',
        tags: ['Lead', 'Enterprise'],
        custom_fields: { Plan: 'Enterprise' },
        note: 'Came from the pricing form.',
        team_uuid: 'b1c2',
      })
      .reply(200, { contact: [created] });

    const result = await run(performCreateContact, {
      phone: answer('whatsapp')?.phone_number,
      name: answer('full_name')?.text,
      tags: ['Lead, Enterprise', 'lead'],
      custom_fields: { Plan: answer('plan')?.choice?.label, Empty: '' },
      note: 'Came from the pricing form.',
      team_uuid: 'b1c2',
    });

    expect(result).toEqual(
      expect.objectContaining({
        id: created.uuid,
        uuid: created.uuid,
        name: 'Beatriz Lima',
        phoneNumberE164: '+5511987654321',
        tags: ['Lead', 'Enterprise'],
        customFields: { Plan: 'Enterprise' },
      }),
    );
    scope.done();
  });

  it('sends checkbox custom fields as lists of options', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts`, {
        identifier: '31612345678',
        source: 'whatsapp',
        name: 'Ana',
        custom_fields: { Plan: 'Pro', Interests: ['Shoes', 'Bags'] },
      })
      .reply(200, { contact: created });
    await run(performCreateContact, {
      phone: '+31612345678',
      name: 'Ana',
      custom_fields: { Plan: 'Pro' },
      checkbox_custom_fields: { Interests: 'Shoes, Bags' },
    });
    scope.done();
  });

  it('creates a contact on another channel with its platform ID as given', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts`, {
        identifier: '5544332211',
        source: 'telegram',
        name: 'Tom',
        channel_uuid: 'ch-telegram',
      })
      .reply(200, { contact: { ...created, uuid: 'aa', source: 'telegram' } });
    await expect(
      run(performCreateContact, {
        phone: '5544332211',
        source: 'telegram',
        name: 'Tom',
        channel_uuid: 'ch-telegram',
      }),
    ).resolves.toMatchObject({ id: 'aa', source: 'telegram' });
    scope.done();
  });

  it.each([
    [{ name: 'Ana' }, /^Phone Number: a phone number is required/],
    [{ phone: '+31612345678' }, /^Name: fill in or map the contact's name;/],
    [{ phone: '0612345678', name: 'Ana' }, /is not a valid phone number\. Add the country code/],
    [
      { phone: '+31612345678', name: 'Ana', note: 'x'.repeat(1001) },
      /^Contact Note: is 1001 characters; Callbell accepts at most 1000/,
    ],
    [
      { phone: '+31612345678', name: 'Ana', custom_fields: 'Plan=Pro' },
      /^Custom Fields: must be field name → value pairs/,
    ],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performCreateContact, input))).toMatch(message);
  });

  it('says an unknown tag must be created in Callbell first', async () => {
    callbellApi()
      .post(`${API_PATH}/contacts`)
      .reply(422, { errors: { tags: ['VIP does not exist'] } });
    await expect(
      run(performCreateContact, { phone: '+31612345678', name: 'Ana', tags: ['VIP'] }),
    ).rejects.toThrow(
      /^.*Create the tags in Callbell first.*tags VIP does not exist\. Check these fields: tags\./,
    );
  });
});
