import type { ZObject } from 'zapier-platform-core';
import { fetchPage, listPage } from './pages';

export interface Team {
  uuid: string;
  name?: string;
}

export interface Member {
  email?: string;
  name?: string;
}

const READ_TEAMS = { action: 'read teams', thing: 'team' };

/** A guard against a members list that never ends. */
const MAX_MEMBER_PAGES = 20;

/** One page of the account's teams. */
export function listTeams(z: ZObject, page: number): Promise<Team[]> {
  return listPage<Team>(z, { path: '/teams', key: 'teams', page, about: READ_TEAMS });
}

/** Every member of a team, across the members list's pages. */
export async function teamMembers(z: ZObject, team: Team): Promise<Member[]> {
  const path = `/teams/${encodeURIComponent(team.uuid)}/members`;
  const about = { ...READ_TEAMS, id: team.uuid };
  const members: Member[] = [];
  let pages = 1;
  for (let page = 1; page <= Math.min(pages, MAX_MEMBER_PAGES); page += 1) {
    const batch = await fetchPage<Member>(z, { path, key: 'users', page, about });
    members.push(...batch.items);
    pages = batch.pages;
  }
  return members;
}

/** The member statuses GET /teams/:uuid/members filters by (teams_api/get_team_members.md). */
export const MEMBER_STATUSES = { available: 'Available', away: 'Away' };

export type MemberStatus = keyof typeof MEMBER_STATUSES;

/** One page of a team's members, only those with the status when one is given. */
export function teamMembersPage(
  z: ZObject,
  teamUuid: string,
  status: MemberStatus | undefined,
  page: number,
) {
  return fetchPage<Member>(z, {
    path: `/teams/${encodeURIComponent(teamUuid)}/members`,
    key: 'users',
    page,
    params: { status },
    about: { ...READ_TEAMS, id: teamUuid },
  });
}
