/** What every write check shares: the options, the test contact and where findings go. */
import { maskPhone } from '../answers';
import type { Change, Row } from '../report';

export interface WriteOptions {
  /** A number the maintainer owns: its contact is the only one the run touches. */
  phone: string;
  /** The tag to put on and take off; else one seen on the account's contacts. */
  tag?: string;
  /** A public https link to an audio file: then one audio message is sent too. */
  audioUrl?: string;
  /** A public https link to a video file: then the video rows send one video each way. */
  videoUrl?: string;
  /** A public https link to the file of an approved media template of two or more placeholders. */
  mediaUrl?: string;
}

export const TEST_NAME = 'Zapier check-live (test contact)';

/** The contact the run works on, and what it was like before. */
export interface TestContact {
  uuid: string;
  e164: string;
  created: boolean;
  tags: string[];
  funnelId: string | null;
}

/** What is left to undo by hand on the test contact, by whether the run created it. */
export const byHand = (contact: { created: boolean; e164: string }, what: string) =>
  contact.created
    ? `delete the contact ${maskPhone(contact.e164)} in Callbell`
    : `in Callbell, on the contact ${maskPhone(contact.e164)}: ${what}`;

export interface Findings {
  rows: Row[];
  changes: Change[];
}
