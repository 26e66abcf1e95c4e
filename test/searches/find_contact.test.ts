import App from '../../index';
import { performFindContact } from '../../src/searches/find_contact';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

describe('find_contact', () => {
  it('finds by phone number in any format with one request, on a chosen channel', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .query({ channel_uuid: 'ch-1' })
      .reply(200, { contact: [contact] });
    const result = await run(performFindContact, {
      phone: '06-12 34 56 78',
      default_country: 'nl',
      channel_uuid: 'ch-1',
    });
    expect(result).toEqual([
      expect.objectContaining({ id: uuid, name: 'John Doe', phoneNumberE164: '+31612345678' }),
    ]);
    scope.done();
  });

  it('answers an empty result, not an error, when nobody has the number', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/12015550123`)
      .reply(404, { error: 'Contact not found' });
    await expect(run(performFindContact, { phone: '+1 (201) 555-0123' })).resolves.toEqual([]);
    scope.done();
  });

  it('finds by contact ID first, then by BSUID', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/${uuid}`)
      .query({ include_field_types: 'true' })
      .reply(200, { contact })
      .get(`${API_PATH}/contacts/bsuid/US.1349`)
      .reply(200, { contact: { ...contact, bsuid: 'US.1349' } });
    await expect(
      run(performFindContact, { contact_uuid: uuid, phone: '+31612345678' }),
    ).resolves.toHaveLength(1);
    await expect(run(performFindContact, { bsuid: 'US.1349' })).resolves.toEqual([
      expect.objectContaining({ bsuid: 'US.1349' }),
    ]);
    scope.done();
  });

  it('gives custom fields typed: checkbox options as a list, numbers as numbers', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/${uuid}`)
      .query({ include_field_types: 'true' })
      .reply(200, {
        contact: [
          {
            ...contact,
            customFields: {
              Address: 'Oxford Street 123',
              'Order Count': '3',
              Preferences: '["Newsletter", "Promotions"]',
            },
            customFieldsMetadata: {
              Address: { value: 'Oxford Street 123', type: 'text' },
              'Order Count': { value: '3', type: 'number' },
              Preferences: {
                value: ['Newsletter', 'Promotions'],
                type: 'checkbox',
                options: ['Newsletter', 'Promotions', 'Updates'],
              },
            },
          },
        ],
      });
    const [found] = await run(performFindContact, { contact_uuid: uuid });
    expect(found?.customFields).toEqual({
      Address: 'Oxford Street 123',
      'Order Count': 3,
      Preferences: ['Newsletter', 'Promotions'],
    });
    scope.done();
  });

  it('refuses an empty search and a bad number before any request', async () => {
    expect(await inputErrorOf(run(performFindContact, {}))).toMatch(
      /^Phone Number: fill in a phone number, choose a Contact or choose a WhatsApp User/,
    );
    expect(await inputErrorOf(run(performFindContact, { phone: '0612345678' }))).toMatch(
      /^Phone Number: "0612345678" is not a valid phone number/,
    );
  });

  it('still reports real failures', async () => {
    callbellApi().get(`${API_PATH}/contacts/phone/31612345678`).reply(401, '');
    await expect(run(performFindContact, { phone: '+31612345678' })).rejects.toThrow(
      /rejected the API key/,
    );
  });

  it('is offered as Find or Create Contact, updating the contact it finds', () => {
    expect(App.searchOrCreates.find_contact).toEqual({
      key: 'find_contact',
      display: expect.objectContaining({ label: 'Find or Create Contact' }),
      search: 'find_contact',
      create: 'create_contact',
      update: 'update_contact',
      updateInputFromSearchOutput: { contact_uuid: 'uuid' },
    });
  });
});
