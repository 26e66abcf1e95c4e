import type { Account } from '../account';
import { control, notFound, paginate, route, type Route } from '../http';
import { now } from '../ids';
import { seed, type SeedTeam, type SeedUser } from '../seed';

// Collaborators and teams are seeded, but change: each account keeps its own copies.
export const seededUsers = (): SeedUser[] => structuredClone(seed.users);
export const seededTeams = (): SeedTeam[] => structuredClone(seed.teams);

export function team(account: Account, uuid: unknown): SeedTeam | undefined {
  return account.teams.find((candidate) => candidate.uuid === uuid);
}

export function isCollaborator(account: Account, email: unknown): boolean {
  return account.users.some((user) => user.email === email);
}

/** The team object of docs/api/reference/object_types/team.md: a member count, not the list. */
function teamJson({ memberEmails, ...rest }: SeedTeam) {
  return { ...rest, members: memberEmails.length };
}

function agent(account: Account, email: string): SeedUser {
  const user = account.users.find((candidate) => candidate.email === email);
  if (!user) throw notFound('User');
  return user;
}

/**
 * A collaborator becomes available or unavailable: agent_status_updated with the team member
 * (docs/api/reference/webhooks/agent_events/agent_status_updated.md).
 */
export function setAgentStatus(account: Account, email: string, available: boolean): SeedUser {
  const user = agent(account, email);
  user.available = available;
  user.lastUpdatedAt = now();
  account.hooks.emit('agent_status_updated', { ...user });
  return user;
}

/**
 * A collaborator logs in or out of Callbell
 * (docs/api/reference/webhooks/agent_events/agent_session_updated.md).
 */
export function agentSession(
  account: Account,
  email: string,
  action: 'user_logged_in' | 'user_logged_out' | 'system_logged_out',
): void {
  account.hooks.emit('agent_session_updated', { action, user: { ...agent(account, email) } });
}

/**
 * A collaborator joins or leaves a team
 * (docs/api/reference/webhooks/team_events/team_membership_updated.md).
 */
export function teamMembership(
  account: Account,
  teamUuid: string,
  email: string,
  reason: 'agent_added' | 'agent_removed',
): void {
  const found = team(account, teamUuid);
  if (!found) throw notFound('Team');
  const user = agent(account, email);
  found.memberEmails =
    reason === 'agent_added'
      ? [...new Set([...found.memberEmails, email])]
      : found.memberEmails.filter((member) => member !== email);
  account.hooks.emit('team_membership_updated', {
    team: teamJson(found),
    user: { email: user.email, available: user.available, lastUpdateAt: user.lastUpdatedAt },
    reason,
    lastUpdateAt: now(),
  });
}

export const teamRoutes: Route[] = [
  // docs/api/reference/teams_api/get_teams.md
  route('GET', '/teams', ({ account, query }) => {
    const { items, meta } = paginate(account.teams.map(teamJson), query);
    return { teams: items, meta };
  }),
  // docs/api/reference/teams_api/get_team_members.md: `status` is `available` or `away`. Two a
  // page, the sandbox's own size.
  route('GET', '/teams/:id/members', ({ account, params, query }) => {
    const found = team(account, params[0]);
    if (!found) throw notFound('Team');
    const status = query.get('status');
    const users = account.users
      .filter((user) => found.memberEmails.includes(user.email))
      .filter((user) => !status || user.available === (status === 'available'));
    const { items, meta } = paginate(users, query, 2);
    return { users: items, meta };
  }),

  // Not Callbell's API: a collaborator becomes available or unavailable.
  control('POST', 'agent-status', async ({ account, hooks, body }) => {
    const user = setAgentStatus(account, String(body.email ?? ''), body.available === true);
    await hooks.idle();
    return { user: { email: user.email, available: user.available } };
  }),
];
