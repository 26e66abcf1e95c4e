import type { HookOutput } from '../webhooks/map-delivery';

/** What the contact_deleted trigger outputs for the delivery Callbell documents. */
export const contactDeletedSample: HookOutput = {
  id: 'fad77e68757b43c3b77b51cd66ec18f3',
  event: 'contact_deleted',
  created_at: '2022-10-17T15:15:06.095Z',
  uuid: 'fad77e68757b43c3b77b51cd66ec18f3',
  deleted: '2022-10-17T15:15:06.095Z',
};
