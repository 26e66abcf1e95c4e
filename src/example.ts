import type { CallbellEvent } from './api/webhooks';

/**
 * Ids of records the sandbox seeds (sandbox/callbell/seed.ts; the contact is also the example of
 * Callbell's contacts_api pages): examples name them, so one example runs against the sandbox
 * and the tests' fakes alike. The message is the docs' example and is not in the sandbox.
 */
export const EXAMPLE_IDS = {
  contact: 'eb2b914a977e4ab896e7b886698b3eac',
  /** A contact no other example changes: the one Delete Contact removes. */
  otherContact: 'aaaa0000bbbb1111cccc2222dddd3333',
  phone: '+31612345678',
  channel: '35f6f8ccb5504278a2ea099f3a4e0730',
  template: 'd980fb66fd5043d3bce1aa06ba044342',
  team: '35402552d90c4041b6bcb9a3249c0263',
  otherTeam: '46513663ea1d4152c7cdba4b35ad1374',
  funnel: '1b2c3d4e-0000-4000-8000-000000000001',
  message: 'adf3d1216d4c4dcd908199d6700f2381',
} as const;

/**
 * One run of an action, search or dropdown, declared beside it: the input a Zap gives and the
 * requests Callbell then receives, in order (`METHOD /path` under /v1, query left out). The
 * tests, the request-count scenarios and docs/operations.md are built from it.
 */
export interface Example {
  input: Record<string, unknown>;
  requests: string[];
}

/** One run of an instant trigger: its input and the Callbell event whose delivery it reads. */
export interface HookExample {
  input: Record<string, unknown>;
  event: CallbellEvent;
}
