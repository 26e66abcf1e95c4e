import type { HookOutput } from '../webhooks/map-delivery';
import { sampleContact } from './contact';

/** What the contact_created trigger outputs for the delivery Callbell documents. */
export const contactCreatedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac',
  event: 'contact_created',
  created_at: '2022-10-12T15:57:16Z',
  ...sampleContact,
};
