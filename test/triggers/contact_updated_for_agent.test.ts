import { contactUpdatedForAgentTrigger } from '../../src/triggers/contact_updated_for_agent';
import {
  contactUpdate,
  itBehavesLikeAContactUpdateScenario,
} from '../helpers/contact-update-scenario';
import { deliver } from '../helpers/hook-trigger';

describe('contact_updated_for_agent', () => {
  // An agent is chosen by email, in any case.
  itBehavesLikeAContactUpdateScenario(contactUpdatedForAgentTrigger, {
    inputData: { assigned_user: 'Maria@Example-Shop.com' },
    matching: { assignedUser: 'maria@example-shop.com' },
    other: { assignedUser: 'li@example-shop.com' },
  });

  it('with no agent chosen, fires for a contact assigned to any agent', async () => {
    const assigned = contactUpdate({ assignedUser: 'li@example-shop.com' });
    const [output] = await deliver(contactUpdatedForAgentTrigger, assigned, {});
    expect(output).toMatchObject({ assignedUser: 'li@example-shop.com' });
  });
});
