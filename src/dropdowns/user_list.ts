import type { ZObject } from 'zapier-platform-core';
import { dropdownTrigger, fetchPage, listPage } from './dropdown';
import type { Team } from './team_list';

interface Member {
  email?: string;
  name?: string;
}

/** A guard against a members list that never ends. */
const MAX_MEMBER_PAGES = 20;

/** Every member of a team, across the members list's pages. */
async function teamMembers(z: ZObject, team: Team): Promise<Member[]> {
  const path = `/teams/${encodeURIComponent(team.uuid)}/members`;
  const members: Member[] = [];
  let pages = 1;
  for (let page = 1; page <= Math.min(pages, MAX_MEMBER_PAGES); page += 1) {
    const batch = await fetchPage<Member>(z, path, 'users', page);
    members.push(...batch.items);
    pages = batch.pages;
  }
  return members;
}

/**
 * Collaborators by email. Callbell has no account-wide user list, so this is the members of
 * every team on the page of teams, each listed once.
 */
export const userList = dropdownTrigger({
  key: 'user_list',
  noun: 'User',
  paginated: true,
  list: async (z, page) => {
    const teams = await listPage<Team>(z, '/teams', 'teams', page);
    const members = (await Promise.all(teams.map((team) => teamMembers(z, team)))).flat();
    const byEmail = new Map(
      members.filter((member) => member.email).map((member) => [member.email as string, member]),
    );
    return [...byEmail.values()].map(({ email, name }) => ({
      id: email as string,
      name: name ? `${name} (${email})` : (email as string),
    }));
  },
});
