import type { SeedTeam, SeedUser } from './seed';
import {
  contactByPhone,
  createContact,
  seededContacts,
  setConversation,
  updateContact,
  type Contact,
} from './resources/contacts';
import { advance, receive, type Message } from './resources/messages';
import {
  agentSession,
  seededTeams,
  seededUsers,
  setAgentStatus,
  teamMembership,
} from './resources/teams';
import type { WebhookHub } from './resources/webhooks';

type Body = Record<string, unknown>;

/**
 * One Callbell account held in memory: its records, seeded from seed.ts. What Callbell does
 * with them is in resources/, one file per resource. The methods are what tests and scripts
 * call directly, to cause what only people do: a customer writing in, the WhatsApp provider
 * reporting a status, a collaborator changing status, team or session.
 */
export class Account {
  readonly contacts: Map<string, Contact> = seededContacts();
  readonly messages: Message[] = [];
  readonly users: SeedUser[] = seededUsers();
  readonly teams: SeedTeam[] = seededTeams();

  constructor(readonly hooks: WebhookHub) {}

  contactByPhone(digits: string): Contact {
    return contactByPhone(this, digits, null);
  }

  createContact(body: Body): Contact {
    return createContact(this, body);
  }

  updateContact(uuid: string, body: Body): Contact {
    return updateContact(this, uuid, body);
  }

  setConversation(uuid: string, open: boolean): Contact {
    return setConversation(this, uuid, open);
  }

  /** The customer writes in: a received message (and a new contact if the number is new). */
  receive(phone: string, text: string): Message {
    return receive(this, phone, text);
  }

  /** A status change of a sent message, as the WhatsApp provider reports it. */
  advance(uuid: string, status: string, reason?: string): Message {
    return advance(this, uuid, status, reason);
  }

  /** A collaborator becomes available or unavailable. */
  setAgentStatus(email: string, available: boolean): SeedUser {
    return setAgentStatus(this, email, available);
  }

  /** A collaborator logs in or out of Callbell. */
  agentSession(email: string, action: Parameters<typeof agentSession>[2]): void {
    agentSession(this, email, action);
  }

  /** A collaborator joins or leaves a team. */
  teamMembership(teamUuid: string, email: string, reason: Parameters<typeof teamMembership>[3]) {
    teamMembership(this, teamUuid, email, reason);
  }
}
