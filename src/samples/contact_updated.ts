import type { HookOutput } from '../webhooks/map-delivery';
import { sampleContact } from './contact';

/** What the contact_updated trigger outputs for the delivery Callbell documents. */
export const contactUpdatedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac-cede51f4ed785969',
  event: 'contact_updated',
  created_at: null,
  ...sampleContact,
};
