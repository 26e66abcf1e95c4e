import { contactOutput, contactOutputFields, sampleContact } from '../shapes/contact';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import type { HookExample } from '../example';

/**
 * Callbell's contact_updated payload says when the contact was created, not when it changed,
 * so the output has no event time (a field that is always null is not offered).
 */
export const mapContactUpdated: EventMapper = (payload) => contactOutput(payload);

/** What every trigger on a contact update shares: the event's reading, sample and fields. */
export const contactUpdateSpec = {
  noun: 'Contact',
  mappers: { contact_updated: mapContactUpdated },
  sample: {
    id: 'eb2b914a977e4ab896e7b886698b3eac-62426f1234ca46a2',
    event: 'contact_updated' as const,
    ...sampleContact,
  },
  outputFields: contactOutputFields(),
};

/**
 * Hidden, not removed: the key is a contract, so Zaps built on it keep running, while new Zaps
 * choose a specific update (tag, agent, team) or New Event's "Updated Contact" for any change
 * (build guidelines, "Update triggers": "Don't offer a generic 'Updated' trigger").
 */
export const contactUpdatedTrigger = hookTrigger({
  ...contactUpdateSpec,
  key: 'contact_updated',
  label: 'Updated Contact',
  description: 'Triggers when a contact is changed, including when tags are added or removed.',
  hidden: true,
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'contact_updated' };
