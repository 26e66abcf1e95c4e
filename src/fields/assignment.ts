import type { PlainInputField } from 'zapier-platform-core';
import { BOT_STATUSES, type BotStatus } from '../api/contacts';
import { InputError } from '../input-error';
import { quote, oneOf, optionalText } from '../values';

/** Who handles the conversation afterwards: shared by sends and contact actions. */
export const assignmentFields: PlainInputField[] = [
  {
    key: 'assigned_user',
    label: 'Assign to Agent',
    dynamic: 'user_list.id.name',
    helpText: "An agent's Callbell email works too, when you map it.",
  },
  {
    key: 'team_uuid',
    label: 'Assign to Team',
    dynamic: 'team_list.id.name',
  },
  {
    key: 'bot_status',
    label: 'Bot',
    choices: BOT_STATUSES,
    helpText:
      'Start or stop your Callbell bot for this contact. Stop it when a person takes over; leave empty to keep the bot as it is. The bot must be enabled in Callbell first.',
  },
];

export interface Assignment {
  assigned_user?: string;
  team_uuid?: string;
  bot_status?: BotStatus;
}

/**
 * `assigned_user` is the collaborator's email (post_send_messages.md: "assigned to this
 * collaborator's email"; post_contacts.md), and `bot_status` is `bot_start` or `bot_end`.
 */
export function readAssignment(input: Record<string, unknown>): Assignment {
  const assigned_user = optionalText(input.assigned_user);
  if (assigned_user && !isEmailAddress(assigned_user)) {
    throw new InputError(
      'Assign to Agent',
      `${quote(assigned_user)} is not an email address. Choose an agent or map their Callbell email.`,
    );
  }
  return {
    assigned_user,
    team_uuid: optionalText(input.team_uuid),
    bot_status: oneOf(input.bot_status, BOT_STATUSES, 'Bot'),
  };
}

/**
 * name@domain.tld, checked in one pass: the usual regex for it backtracks quadratically on a
 * long run of dots, which a mapped value may hold.
 */
function isEmailAddress(text: string): boolean {
  if (/\s/.test(text)) return false;
  const at = text.indexOf('@');
  if (at < 1 || at !== text.lastIndexOf('@')) return false;
  const domain = text.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1;
}
