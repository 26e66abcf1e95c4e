import type { Bundle, PlainInputField } from 'zapier-platform-core';
import type { ContactOutput } from '../shapes/contact';
import type { HookOutput } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { contactUpdateSpec } from './contact_updated';

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
    ...contactUpdateSpec,
    key: scenario.key,
    label: scenario.label,
    description: scenario.description,
    inputFields: scenario.inputFields,
    wants: (output: HookOutput, bundle: Bundle) =>
      scenario.matches(output as HookOutput & ContactOutput, bundle),
    sample: { ...contactUpdateSpec.sample, ...scenario.sample },
  });
}
