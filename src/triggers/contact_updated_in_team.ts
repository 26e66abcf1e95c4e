import { EXAMPLE_IDS, type HookExample } from '../example';
import { optionalText } from '../values';
import { contactUpdatedWhere } from './contact-updated-where';

export const contactUpdatedInTeamTrigger = contactUpdatedWhere({
  key: 'contact_updated_in_team',
  label: 'Updated Contact in Team',
  description: 'Triggers when a contact of the chosen team is changed, e.g. moved to it.',
  inputFields: [{ key: 'team_uuid', label: 'Team', dynamic: 'team_list.id.name', required: true }],
  matches: (contact, bundle) => {
    const team = optionalText(bundle.inputData.team_uuid);
    return team !== undefined && contact.team.uuid === team;
  },
  sample: { team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' } },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = {
  input: { team_uuid: EXAMPLE_IDS.team },
  event: 'contact_updated',
};
