import type { HookExample } from '../example';
import { optionalText } from '../values';
import { contactUpdatedWhere } from './contact-updated-where';

export const contactUpdatedForAgentTrigger = contactUpdatedWhere({
  key: 'contact_updated_for_agent',
  label: 'Updated Contact of Agent',
  description: 'Triggers when a contact assigned to an agent is changed, e.g. assigned.',
  inputFields: [
    {
      key: 'assigned_user',
      label: 'Agent',
      dynamic: 'user_list.id.name',
      helpText: 'Leave empty for contacts assigned to any agent.',
    },
  ],
  // `assignedUser` is the agent's email (object_types/contact.md), as the Agent list gives it.
  matches: (contact, bundle) => {
    const agent = optionalText(bundle.inputData.assigned_user)?.toLowerCase();
    const assigned = contact.assignedUser?.trim().toLowerCase();
    return Boolean(assigned) && (agent === undefined || assigned === agent);
  },
  sample: { assignedUser: 'maria@example-shop.com' },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'contact_updated' };
