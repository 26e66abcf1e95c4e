import { contactCreatedTrigger } from '../../src/triggers/contact_created';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import {
  deliver,
  deliveryLog,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
} from '../helpers/hook-trigger';

describe('contact_created', () => {
  itBehavesLikeAHookTrigger(contactCreatedTrigger, { events: ['contact_created'] });

  it("hands the Zap the contact, with an id that starts with Callbell's uuid", async () => {
    const [output] = await deliver(contactCreatedTrigger, documentedDelivery('contact_created'));
    expect(output).toMatchObject({
      id: expect.stringMatching(/^eb2b914a977e4ab896e7b886698b3eac-[0-9a-f]{16}$/),
      event: 'contact_created',
      createdAt: '2022-10-12T15:57:16Z',
      uuid: 'eb2b914a977e4ab896e7b886698b3eac',
      name: 'John Doe',
      phoneNumber: '33612345678',
      phoneNumberE164: '+33612345678',
      tags: ['Lead'],
      href: 'https://dash.callbell.eu/contacts/eb2b914a977e4ab896e7b886698b3eac',
      conversationHref: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
      customFields: {},
      assignedUser: null,
    });
  });

  it('passes custom fields, team and assignee through for CRM mapping', async () => {
    const body = documentedDelivery('contact_created');
    body.payload = {
      ...body.payload,
      customFields: { Company: 'Acme', 'Order Total': '42.50' },
      assignedUser: 'maria@example-shop.com',
      team: { uuid: 'a1b2', name: 'Sales' },
    };
    const [output] = await deliver(contactCreatedTrigger, body);
    expect(output).toMatchObject({
      customFields: { Company: 'Acme', 'Order Total': '42.50' },
      assignedUser: 'maria@example-shop.com',
      team: { uuid: 'a1b2', name: 'Sales' },
    });
  });

  it('fills the Zap editor test from the delivery log', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query({ subscriptions: 'contact_created', items: '10', page: '1' })
      .reply(200, deliveryLog([documentedDelivery('contact_created')]));
    const outputs = await appTester(contactCreatedTrigger.operation.performList, bundleWith({}));
    expect(outputs.map((output) => output.name)).toEqual(['John Doe']);
    scope.done();
  });

  it('falls back to real contacts when the log is empty', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/webhooks/events`)
      .query(true)
      .reply(200, deliveryLog([]))
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, {
        contacts: [
          {
            uuid: 'aaaa0000aaaa0000aaaa0000aaaa0000',
            name: 'Ana',
            phoneNumber: '5511987654321',
            createdAt: '2026-11-20T10:00:00Z',
          },
          {
            uuid: 'bbbb0000bbbb0000bbbb0000bbbb0000',
            name: 'Bo',
            phoneNumber: '447700900123',
            createdAt: '2026-11-19T10:00:00Z',
          },
        ],
        meta: { page: 1, pages: 3 },
      });
    const outputs = await appTester(contactCreatedTrigger.operation.performList, bundleWith({}));
    expect(outputs.map((output) => [output.id, output.name, output.phoneNumberE164])).toEqual([
      [expect.stringMatching(/^aaaa0000aaaa0000aaaa0000aaaa0000-/), 'Ana', '+5511987654321'],
      [expect.stringMatching(/^bbbb0000bbbb0000bbbb0000bbbb0000-/), 'Bo', '+447700900123'],
    ]);
    scope.done();
  });
});
