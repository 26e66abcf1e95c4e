import { contactUpdatedInTeamTrigger } from '../../src/triggers/contact_updated_in_team';
import { itBehavesLikeAContactUpdateScenario } from '../helpers/contact-update-scenario';

describe('contact_updated_in_team', () => {
  itBehavesLikeAContactUpdateScenario(contactUpdatedInTeamTrigger, {
    inputData: { team_uuid: '35402552d90c4041b6bcb9a3249c0263' },
    matching: { team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' } },
    other: { team: { uuid: 'aaaa0000aaaa0000aaaa0000aaaa0000', name: 'Sales' } },
  });
});
