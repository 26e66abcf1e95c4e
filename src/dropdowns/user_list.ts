import { listTeams, teamMembers } from '../api/teams';
import { dropdownTrigger, type Choice } from './dropdown-trigger';

/**
 * Collaborators by email. Callbell has no account-wide user list, so this is the members of
 * every team on the page of teams, each listed once.
 */
export const userList = dropdownTrigger({
  key: 'user_list',
  noun: 'User',
  paginated: true,
  list: async (z, page) => {
    const teams = await listTeams(z, page);
    const members = (await Promise.all(teams.map((team) => teamMembers(z, team)))).flat();
    const byEmail = new Map<string, Choice>();
    for (const { email, name } of members) {
      if (email && !byEmail.has(email)) {
        byEmail.set(email, { id: email, name: name ? `${name} (${email})` : email });
      }
    }
    return [...byEmail.values()];
  },
});
