/** Callbell's records as its API documents them (fields Callbell may omit are optional). */

export interface Contact {
  uuid: string;
  name?: string | null;
  phoneNumber?: string | null;
  avatarUrl?: string | null;
  blockedAt?: string | null;
  createdAt?: string | null;
  source?: string | null;
  funnelId?: string | null;
  closedAt?: string | null;
  href?: string | null;
  conversationHref?: string | null;
  tags?: string[];
  assignedUser?: string | null;
  customFields?: Record<string, unknown>;
  team?: Record<string, unknown> | null;
  channel?: Record<string, unknown> | null;
  bsuid?: string | null;
  note?: string | null;
}

export interface ConversationMessage {
  uuid?: string;
  text?: string | null;
  createdAt?: string;
  status?: 'sent' | 'received' | 'note' | string;
  channel?: string;
  from?: string;
  to?: string;
  attachments?: string[];
}
