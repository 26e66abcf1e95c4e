import type { PlainOutputField } from 'zapier-platform-core';
import { objectOrEmpty, outputTime, stringOrNull } from '../values';
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
