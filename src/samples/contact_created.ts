import type { HookOutput } from '../webhooks/map-delivery';

/** What the contact_created trigger outputs for the delivery Callbell documents. */
export const contactCreatedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac',
  event: 'contact_created',
  created_at: '2022-10-12T15:57:16Z',
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
