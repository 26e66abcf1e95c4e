import type { ContactOutput } from '../outputs/contact';

/** The contact in Callbell's documented webhook bodies, as every output shows a contact. */
export const sampleContact: ContactOutput = {
  uuid: 'eb2b914a977e4ab896e7b886698b3eac',
  name: 'John Doe',
  phoneNumber: '331122334455',
  phoneNumberE164: '+331122334455',
  source: 'whatsapp',
  href: 'https://dash.callbell.eu/contacts/eb2b914a977e4ab896e7b886698b3eac',
  conversationHref: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
  avatarUrl: null,
  createdAt: '2022-10-12T15:57:16Z',
  closedAt: null,
  blockedAt: null,
  assignedUser: null,
  funnelId: null,
  bsuid: null,
  note: null,
  tags: ['Lead'],
  customFields: {},
  team: null,
  channel: null,
};
