import type { SandboxQuirks } from '../../sandbox/callbell/quirks';
import { startSandbox, type Sandbox } from '../../sandbox/callbell/server';
import type { Report, Verdict } from '../../scripts/lib/check-live/report';
import { checkLive, type LiveOptions } from '../../scripts/lib/check-live/run';
import type { LiveApp } from '../../scripts/lib/check-live/session';

// Shared by the check-live tests. They are split over files because core's memory check
// (zapier-platform-core's memory-checker.js) exits the process once it has run more than 250
// steps while using over 450 MB: Zapier runs a step per process, and one check-live run is
// about 35 steps.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const app = require('../../dist/index.js') as LiveApp;

/** A number the sandbox has no contact for: the run creates one, then deletes it. */
export const NEW_NUMBER = '+31687654321';
/** John, seeded: the maintainer's own contact in these tests. */
export const JOHN = '+31612345678';
export const AUDIO_URL = 'https://example.com/voice-note.mp3';
export const VIDEO_URL = 'https://example.com/unboxing.mp4';
export const MEDIA_URL = 'https://example.com/parcel.jpg';

export const READ_ROWS = [
  'auth.me',
  'channels.list',
  'channels.uuid-format',
  'channels.active',
  'templates.page',
  'templates.title',
  'templates.get',
  'teams.page',
  'teams.members',
  'teams.members-page',
  'funnels.list',
  'contacts.list',
  'contacts.include_field_types',
  'contacts.by-uuid',
  'contacts.by-phone',
  'contacts.by-phone-unknown',
  'webhooks.log',
];

export const WRITE_ROWS = [
  'contacts.create',
  'contacts.tags-replace',
  'contacts.custom-fields-merge',
  'funnels.put-route',
  'funnels.post-route',
  'funnels.action',
  'send.with-channel_uuid',
  'send.answer-contact',
  'send.channel_uuid-required',
];

export const verdicts = (report: Report) =>
  Object.fromEntries(report.rows.map((entry) => [entry.id, entry.verdict]));

export const all = (ids: string[], verdict: Verdict) =>
  Object.fromEntries(ids.map((id) => [id, verdict]));

/** A sandbox per test, answering by the readings the test chooses, and check-live against it. */
export function liveSandbox() {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    delete process.env.CALLBELL_API_URL;
    await sandbox?.stop();
    sandbox = undefined;
  });
  const current = (): Sandbox => {
    if (!sandbox) throw new Error('start the sandbox first');
    return sandbox;
  };
  return {
    current,
    async start(quirks: Partial<SandboxQuirks> = {}): Promise<Sandbox> {
      sandbox = await startSandbox({ quirks });
      process.env.CALLBELL_API_URL = sandbox.apiUrl;
      return sandbox;
    },
    run(options: Partial<LiveOptions> = {}): Promise<Report> {
      return checkLive({ app, apiKey: current().apiKey, confirm: async () => true, ...options });
    },
  };
}
