import type { Bundle, PlainInputField } from 'zapier-platform-core';
import { contactOutputFields, sampleContact, type ContactOutput } from '../shapes/contact';
import type { HookOutput } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { mapContactUpdated } from './contact_updated';

interface Scenario {
  key: string;
  label: string;
  description: string;
  inputFields: PlainInputField[];
  /** Whether the updated contact is one this Zap asked about. */
  matches: (contact: ContactOutput, bundle: Bundle) => boolean;
  /** The sample contact, as one this trigger fires for. */
  sample: Partial<ContactOutput>;
}

/**
 * A specific update trigger on Callbell's contact_updated event (build guidelines, "Update
 * triggers": "think under what specific scenarios the user needs an update trigger"). Callbell
 * sends the contact as it is after the change, never what changed
 * (webhooks/contact_events/contact_updated.md), so each scenario fires on every update of a
 * contact that matches it, the change that made it match included; its description says so.
 */
export function contactUpdatedWhere(scenario: Scenario) {
  return hookTrigger({
    key: scenario.key,
    noun: 'Contact',
    label: scenario.label,
    description: scenario.description,
    mappers: { contact_updated: mapContactUpdated },
    inputFields: scenario.inputFields,
    wants: (output: HookOutput, bundle: Bundle) =>
      scenario.matches(output as HookOutput & ContactOutput, bundle),
    sample: {
      id: 'eb2b914a977e4ab896e7b886698b3eac-62426f1234ca46a2',
      event: 'contact_updated',
      ...sampleContact,
      ...scenario.sample,
    },
    outputFields: contactOutputFields(),
  });
}
