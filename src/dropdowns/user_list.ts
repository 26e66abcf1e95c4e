import { listTeams, membersOfTeams } from '../api/teams';
import { stringOrNull } from '../values';
import { dropdownTrigger, type Choice } from './dropdown-trigger';
import { EXAMPLE_IDS, type Example } from '../example';

/**
 * Member pages read for one page of the dropdown. Callbell has no account-wide user list, so
 * every team's members are read; this bounds the work (and the time) whatever the account.
 */
export const MAX_MEMBER_PAGES_PER_LIST = 40;

/**
 * Collaborators by email: the members of every team on the page of teams, each listed once.
 * Past the page budget the list is what was read; a collaborator missing from it can still be
 * mapped by email.
 */
export const userListDropdown = dropdownTrigger({
  key: 'user_list',
  noun: 'User',
  paginated: true,
  list: async (z, page) => {
    const teams = await listTeams(z, page);
    const { members, complete } = await membersOfTeams(z, teams, MAX_MEMBER_PAGES_PER_LIST);
    if (!complete) {
      z.console.log(
        `user_list: stopped after ${MAX_MEMBER_PAGES_PER_LIST} pages of team members; the list is incomplete.`,
      );
    }
    const byEmail = new Map<string, Choice>();
    for (const member of members) {
      const email = stringOrNull(member.email);
      const name = stringOrNull(member.name);
      if (email && !byEmail.has(email)) {
        byEmail.set(email, { id: email, name: name ? `${name} (${email})` : email });
      }
    }
    return [...byEmail.values()];
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  requests: [
    'GET /teams',
    `GET /teams/${EXAMPLE_IDS.team}/members`,
    `GET /teams/${EXAMPLE_IDS.otherTeam}/members`,
  ],
};
