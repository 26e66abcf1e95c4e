import type { Bundle, Search, ZObject } from 'zapier-platform-core';
import { walkPages } from '../api/page-walk';
import { MEMBER_STATUSES, teamMembersPage, type Member } from '../api/teams';
import { memberOutput, memberOutputFields } from '../shapes/agent';
import { oneOf, requiredText } from '../values';
import { EXAMPLE_IDS, type Example } from '../example';

/** A guard on requests; teams are small, and Callbell documents `meta.pages`. */
const MAX_PAGES = 5;

type AgentOutput = ReturnType<typeof memberOutput>;

type FoundMembers = AgentOutput & { id: string; count: number; members: AgentOutput[] };

export async function performFindTeamMembers(z: ZObject, bundle: Bundle): Promise<FoundMembers[]> {
  const input = bundle.inputData;
  const teamUuid = requiredText(input.team_uuid, 'Team', 'a team');
  const status = oneOf(input.status, MEMBER_STATUSES, 'Status');
  const { items } = await walkPages<Member>((page) => teamMembersPage(z, teamUuid, status, page), {
    maxPages: MAX_PAGES,
    keyOf: (member) => String(member.email),
  });
  const members = items.map(memberOutput);
  const [first] = members;
  if (!first) return [];
  return [{ id: first.email ?? '', ...first, count: members.length, members }];
}

const sampleMember: AgentOutput = {
  email: 'maria@example-shop.com',
  name: 'Maria Rossi',
  firstName: 'Maria',
  lastName: 'Rossi',
  available: true,
  lastUpdatedAt: '2026-11-20T09:00:00Z',
  userCustomStatus: null,
};

export const findTeamMembersSearch = {
  key: 'find_team_members',
  noun: 'Agent',
  display: {
    label: 'Find Agents in Team',
    description: "Finds a team's agents, e.g. those available now, to assign a conversation to.",
  },
  operation: {
    inputFields: [
      {
        key: 'team_uuid',
        label: 'Team',
        dynamic: 'team_list.id.name',
        required: true,
      },
      {
        key: 'status',
        label: 'Status',
        choices: MEMBER_STATUSES,
        helpText: 'Leave empty for all agents.',
      },
    ],
    perform: performFindTeamMembers,
    sample: { id: sampleMember.email ?? '', ...sampleMember, count: 1, members: [sampleMember] },
    outputFields: [
      { key: 'id', label: 'ID' },
      ...memberOutputFields(''),
      { key: 'count', label: 'Number of Members Found', type: 'integer' },
      ...memberOutputFields('members[]'),
    ],
  },
} satisfies Search;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { team_uuid: EXAMPLE_IDS.team, status: 'available' },
  requests: [`GET /teams/${EXAMPLE_IDS.team}/members`],
};
