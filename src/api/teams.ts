import type { ZObject } from 'zapier-platform-core';
import { pathId } from '../client/path';
import { mapLimited } from '../client/pool';
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

/** The pages a caller may still read; `cut` once a page was left unread for lack of them. */
export interface PageBudget {
  left: number;
  cut?: boolean;
}

/**
 * The members of a team, across the members list's pages: at most 20 pages, and no more than
 * the budget allows. The team's uuid comes from Callbell's answer and is checked like any id.
 */
export async function teamMembers(
  z: ZObject,
  team: Team,
  budget: PageBudget = { left: MAX_MEMBER_PAGES },
): Promise<Member[]> {
  const id = typeof team.uuid === 'string' ? team.uuid : '';
  const uuid = pathId(id, { label: 'team ID', from: 'answer' });
  const path = `/teams/${uuid}/members`;
  const about = { ...READ_TEAMS, id };
  const members: Member[] = [];
  let pages = 1;
  for (let page = 1; page <= Math.min(pages, MAX_MEMBER_PAGES); page += 1) {
    if (budget.left <= 0) {
      budget.cut = true;
      break;
    }
    budget.left -= 1;
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
    // A lone surrogate or a line break is refused naming the field, not thrown as a URIError.
    path: `/teams/${pathId(teamUuid, { label: 'Team', from: 'input' })}/members`,
    key: 'users',
    page,
    params: { status },
    about: { ...READ_TEAMS, id: teamUuid },
  });
}

/** Teams whose members are read at once. */
const TEAMS_AT_ONCE = 4;

/**
 * The members of several teams, in the teams' order: at most `maxPages` member pages in
 * all, `TEAMS_AT_ONCE` teams at a time. `complete` says whether every page was read.
 */
export async function membersOfTeams(
  z: ZObject,
  teams: Team[],
  maxPages: number,
): Promise<{ members: Member[]; complete: boolean }> {
  const budget: PageBudget = { left: maxPages };
  const perTeam = await mapLimited(teams, TEAMS_AT_ONCE, (team) => teamMembers(z, team, budget));
  return { members: perTeam.flat(), complete: !budget.cut };
}
