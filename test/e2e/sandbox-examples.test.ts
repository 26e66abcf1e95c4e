import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxQuirks } from '../../sandbox/callbell/quirks';
import { seed } from '../../sandbox/callbell/seed';
import { startSandbox, type Sandbox } from '../../sandbox/callbell/server';
import { DOCUMENTED_CONTACT_KEYS } from '../helpers/fixtures';

// Every answer of the sandbox has the keys and types of Callbell's own example of it
// (test/fixtures/callbell-docs/, vendored from the docs): a key of the example is there with
// the same JSON type (null goes with any type: the docs show null for values that may be
// set); a key the example lacks is one object_types/contact.md documents; custom field maps and
// message metadata are keyed by the account's own names, so only their being objects counts.

const DIR = join(__dirname, '..', 'fixtures', 'callbell-docs');

interface Example {
  doc: string;
  commit: string;
  heading: string;
  body: unknown;
}

/** The keys object_types/contact.md lists, which some examples of a contact leave out. */
const CONTACT_KEYS = new Set([...DOCUMENTED_CONTACT_KEYS, 'customFieldsMetadata']);

/** Objects keyed by the account's data, not by Callbell's field names. */
const MAPS = new Set(['customFields', 'customFieldsMetadata', 'metadata', 'team']);

function kind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Where the answer's shape differs from the example's, as "path: problem" lines. */
function shapeProblems(
  example: unknown,
  actual: unknown,
  path = '$',
  leftOut: string[] = [],
): string[] {
  if (example === null || actual === null) return [];
  if (kind(example) !== kind(actual)) return [`${path}: ${kind(actual)}, not ${kind(example)}`];
  if (Array.isArray(example) && Array.isArray(actual)) {
    // A list of the answer's own (not one nested in a record, such as tags) must hold items.
    const top = path.split('.').length === 2;
    if (top && example.length && !actual.length) return [`${path}: empty, the example is not`];
    if (!example.length) return [];
    // Keys every item of the example has (a note has no uuid in get_contact_messages.md).
    const shared = example.reduce<Record<string, unknown>>((common, item, index) => {
      const entries = Object.entries(item as Record<string, unknown>);
      if (index === 0) return Object.fromEntries(entries);
      return Object.fromEntries(entries.filter(([key]) => key in common));
    }, {});
    const template = typeof example[0] === 'object' ? shared : example[0];
    return actual.flatMap((item, index) => shapeProblems(template, item, `${path}[${index}]`));
  }
  if (kind(example) !== 'object') return [];
  const wanted = example as Record<string, unknown>;
  const got = actual as Record<string, unknown>;
  const name = path.split('.').at(-1) ?? '';
  if (MAPS.has(name)) return [];
  return [
    ...Object.keys(wanted).flatMap((key) =>
      key in got
        ? shapeProblems(wanted[key], got[key], `${path}.${key}`)
        : [`${path}.${key}: missing`],
    ),
    ...Object.keys(got)
      .filter((key) => !(key in wanted) && !CONTACT_KEYS.has(key) && !leftOut.includes(key))
      .map((key) => `${path}.${key}: not in the example`),
  ];
}

function examples(): [string, Example][] {
  return readdirSync(DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [file, JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Example]);
}

const JOHN = seed.contacts[0]?.uuid ?? '';
const TEMPLATE = seed.templates[0]?.uuid ?? '';

/** The request whose answer each example shows, and the readings to answer it by. */
interface Ask {
  method: string;
  path: string | ((sandbox: Sandbox) => string);
  body?: object;
  quirks?: Partial<SandboxQuirks>;
  before?: (sandbox: Sandbox) => unknown;
  /** Keys of the example that the vendored copy leaves out. */
  leftOut?: string[];
}

function call(sandbox: Sandbox, method: string, path: string, body?: object) {
  return fetch(`${sandbox.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
}

const send = { from: 'whatsapp', to: '+31612345678', type: 'text', content: { text: 'Hi' } };
const withChannel = { ...send, channel_uuid: seed.channels[0]?.uuid };

const ASKS: Record<string, Ask> = {
  'auth_api/me.json': { method: 'GET', path: '/auth/me', leftOut: ['api_key'] },
  'channels_api/get_channels.json': { method: 'GET', path: '/channels?active=true' },
  'contacts_api/delete_contact.json': {
    method: 'DELETE',
    path: (sandbox) =>
      `/contacts/${sandbox.account.createContact({ identifier: '34600000009', source: 'whatsapp', name: 'Eva' }).uuid}`,
  },
  'contacts_api/get_contact.json': { method: 'GET', path: `/contacts/${JOHN}` },
  'contacts_api/get_contact.with-include-field-types-true.json': {
    method: 'GET',
    path: `/contacts/${JOHN}?include_field_types=true`,
  },
  'contacts_api/get_contact_bot.json': { method: 'GET', path: `/contacts/${JOHN}/bot` },
  'contacts_api/get_contact_by_bsuid.json': {
    method: 'GET',
    path: '/contacts/bsuid/US.1349',
    before: (sandbox) => {
      sandbox.account.contactByPhone('31612345678').bsuid = 'US.1349';
    },
  },
  'contacts_api/get_contact_by_phone.json': { method: 'GET', path: '/contacts/phone/31612345678' },
  'contacts_api/get_contact_messages.json': {
    method: 'GET',
    path: `/contacts/${JOHN}/messages`,
  },
  'contacts_api/get_contacts.json': { method: 'GET', path: '/contacts' },
  'contacts_api/get_contacts.with-include-field-types-true.json': {
    method: 'GET',
    path: '/contacts?include_field_types=true',
  },
  'contacts_api/patch_contacts.json': {
    method: 'PATCH',
    path: `/contacts/${JOHN}`,
    body: { name: 'Johnny' },
  },
  'contacts_api/post_contact_bot.json': {
    method: 'POST',
    path: `/contacts/${JOHN}/bot`,
    body: { status: 'bot_start' },
  },
  'contacts_api/post_contact_conversation_close.json': {
    method: 'POST',
    path: `/contacts/${JOHN}/conversation/close`,
  },
  'contacts_api/post_contact_conversation_create_note.json': {
    method: 'POST',
    path: `/contacts/${JOHN}/conversation/note`,
    body: { text: 'Call back' },
  },
  'contacts_api/post_contact_conversation_open.json': {
    method: 'POST',
    path: `/contacts/${JOHN}/conversation/open`,
  },
  'contacts_api/post_contacts.json': {
    method: 'POST',
    path: '/contacts',
    body: { identifier: '34600000008', source: 'whatsapp', name: 'Eva' },
  },
  'contacts_api/put_contacts_conversation_update_funnel.json': {
    method: 'PUT',
    path: `/contacts/${JOHN}/conversation/update_funnel`,
    body: { funnel_id: seed.funnels[0]?.uuid },
  },
  'funnels_api/get_funnels.json': { method: 'GET', path: '/funnels' },
  'messages_api/get_message_status.json': {
    method: 'GET',
    path: (sandbox) => {
      const sent = sandbox.account.messages.find((message) => message.direction === 'sent');
      return `/messages/status/${sent?.uuid ?? 'none'}`;
    },
    before: (sandbox) => call(sandbox, 'POST', '/messages/send', withChannel),
  },
  'messages_api/post_send_messages.json': {
    method: 'POST',
    path: '/messages/send',
    body: withChannel,
  },
  'messages_api/post_send_messages.with-fields-contact.json': {
    method: 'POST',
    path: '/messages/send',
    body: { ...withChannel, fields: 'contact' },
    quirks: { sendAnswerContact: 'example' },
  },
  'messages_api/post_send_messages.with-fields-conversation.json': {
    method: 'POST',
    path: '/messages/send',
    body: { ...withChannel, fields: 'conversation' },
  },
  'messages_api/post_send_messages.with-fields-conversation-contact.json': {
    method: 'POST',
    path: '/messages/send',
    body: { ...withChannel, fields: 'conversation,contact' },
    quirks: { sendAnswerContact: 'example' },
  },
  'teams_api/get_team_members.json': {
    method: 'GET',
    path: `/teams/${seed.teams[0]?.uuid}/members`,
  },
  'teams_api/get_teams.json': { method: 'GET', path: '/teams' },
  'template_messages_api/get_template.json': { method: 'GET', path: `/templates/${TEMPLATE}` },
  'template_messages_api/get_templates.json': { method: 'GET', path: '/templates' },
};

describe('the sandbox answers with the keys and types of Callbell’s own examples', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  it('has a request for every vendored example, and an example for every request', () => {
    expect(examples().map(([file]) => file)).toEqual(Object.keys(ASKS).sort());
  });

  it.each(examples())('%s', async (file, example) => {
    expect(example.commit).toBe('4878e4f6718d7a828eb2752fec99b8911ee4ee8e');
    const ask = ASKS[file];
    if (!ask) throw new Error(`no request for ${file}`);
    sandbox = await startSandbox({ quirks: ask.quirks });
    const running = sandbox;
    // A send needs the contact to have written within 24 hours.
    running.account.receive('+31612345678', 'Hi');
    await ask.before?.(running);
    const path = typeof ask.path === 'function' ? ask.path(running) : ask.path;
    const response = await call(running, ask.method, path, ask.body);
    expect(response.status).toBe(200);
    expect(shapeProblems(example.body, await response.json(), '$', ask.leftOut)).toEqual([]);
  });
});
