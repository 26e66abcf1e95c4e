import type { PlainOutputField } from 'zapier-platform-core';
import { objectOrEmpty, objectOrNull, outputTime, stringOrNull } from '../values';
import { nameParts } from './name-parts';

/** A team member as the agent and team events carry one. */
export function agentOutput(value: unknown) {
  const user = objectOrEmpty(value);
  const name = stringOrNull(user.name);
  return {
    email: stringOrNull(user.email),
    name,
    ...nameParts(name),
    available: typeof user.available === 'boolean' ? user.available : null,
    lastUpdatedAt: outputTime(user.lastUpdatedAt ?? user.lastUpdateAt),
  };
}

/** Output fields for a team member, at the top level or under `user__`. */
export function agentOutputFields(prefix: string): PlainOutputField[] {
  return [
    { key: `${prefix}email`, label: 'Agent Email' },
    { key: `${prefix}name`, label: 'Agent Name' },
    { key: `${prefix}firstName`, label: 'Agent First Name' },
    { key: `${prefix}lastName`, label: 'Agent Last Name' },
    { key: `${prefix}available`, label: 'Agent Available', type: 'boolean' },
    { key: `${prefix}lastUpdatedAt`, label: 'Agent Status Updated At', type: 'datetime' },
  ];
}

/**
 * A member as GET /teams/:uuid/members lists one: an agent plus the custom status the member
 * set, if any (object_types/team_member.md, user_custom_status.md).
 */
export function memberOutput(value: unknown) {
  return {
    ...agentOutput(value),
    userCustomStatus: objectOrNull(objectOrEmpty(value).userCustomStatus),
  };
}

export function memberOutputFields(prefix: string): PlainOutputField[] {
  return [
    ...agentOutputFields(prefix),
    { key: `${prefix}userCustomStatus__name`, label: 'Agent Custom Status' },
    { key: `${prefix}userCustomStatus__emoji`, label: 'Agent Custom Status Emoji' },
  ];
}
