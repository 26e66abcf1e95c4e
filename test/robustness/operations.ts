import type { Bundle } from 'zapier-platform-core';
import App from '../../index';
import { CALLBELL_EVENTS } from '../../src/api/webhooks';
import { messageFields } from '../../src/creates/send_message';
import { legacyCheckboxFields } from '../../src/fields/contact-details';
import { EXAMPLE_IDS, type HookExample } from '../../src/example';
import { isObject } from '../../src/values';
import { listedOperations } from '../../scripts/lib/operation-examples';
import { docsExample, documentedDelivery } from '../helpers/fixtures';
import { TARGET_URL } from '../helpers/hook-trigger';
import type { Perform } from './helpers';

export const CONTACT = EXAMPLE_IDS.contact;
export const TEMPLATE = EXAMPLE_IDS.template;

/** A step of an operation as Zapier runs it: the function, its input and bundle extras. */
export interface Step {
  name: string;
  perform: Perform;
  input: Record<string, unknown>;
  extra?: Partial<Bundle>;
  /** Whether the step calls Callbell at all (a hook's perform reads its delivery only). */
  callsCallbell: boolean;
}

/**
 * Each operation's example, by the name the app registers it under (dropdowns are triggers to
 * Zapier): the input every step below runs with.
 */
const EXAMPLES = new Map(
  listedOperations().map((listed) => [
    `${listed.kind === 'dropdowns' ? 'triggers' : listed.kind}.${listed.key}`,
    listed.example,
  ]),
);

interface AnyOperation {
  perform?: unknown;
  performList?: unknown;
  performSubscribe?: unknown;
  performUnsubscribe?: unknown;
  inputFields?: unknown[];
  type?: string;
}

/** Dynamic fields worked out from the step's input alone: they make no request. */
const FIELDS_FROM_INPUT_ALONE = new Set<unknown>([messageFields, legacyCheckboxFields]);

function asPerform(value: unknown): Perform | undefined {
  return typeof value === 'function' ? (value as Perform) : undefined;
}

/** Every step of every operation the app registers, with valid input. */
export function everyStep(): Step[] {
  const steps: Step[] = [
    {
      name: 'authentication.test',
      perform: App.authentication.test as Perform,
      input: {},
      callsCallbell: true,
    },
  ];
  for (const [kind, group] of Object.entries({
    triggers: App.triggers,
    creates: App.creates,
    searches: App.searches,
  })) {
    for (const [key, definition] of Object.entries(group)) {
      steps.push(...stepsOf(`${kind}.${key}`, definition.operation as AnyOperation));
    }
  }
  return steps;
}

function stepsOf(name: string, operation: AnyOperation): Step[] {
  const example = EXAMPLES.get(name);
  if (!example) throw new Error(`${name} is not in src/operations.ts`);
  if ('event' in example) return hookSteps(name, operation, example);
  const { input } = example;
  const perform = asPerform(operation.perform);
  const callsCallbell = example.requests.length > 0;
  const steps: Step[] = perform ? [{ name, perform, input, callsCallbell }] : [];
  (operation.inputFields ?? []).forEach((field, index) => {
    const fields = asPerform(field);
    if (fields)
      steps.push({
        name: `${name} fields #${index}`,
        perform: fields,
        input,
        callsCallbell: !FIELDS_FROM_INPUT_ALONE.has(field),
      });
  });
  return steps;
}

function hookSteps(name: string, operation: AnyOperation, { input, event }: HookExample): Step[] {
  const steps: [string, unknown, Partial<Bundle>, boolean][] = [
    ['perform', operation.perform, { cleanedRequest: documentedDelivery(event) }, false],
    ['performList', operation.performList, {}, true],
    ['performSubscribe', operation.performSubscribe, { targetUrl: TARGET_URL }, true],
    [
      'performUnsubscribe',
      operation.performUnsubscribe,
      { subscribeData: { id: TARGET_URL } },
      true,
    ],
  ];
  return steps.flatMap(([step, fn, extra, callsCallbell]) => {
    const perform = asPerform(fn);
    return perform ? [{ name: `${name}.${step}`, perform, input, extra, callsCallbell }] : [];
  });
}

/**
 * Each route the app calls, answered by the example its doc page shows (vendored in
 * test/fixtures/callbell-docs): the first route that matches wins.
 */
const EXAMPLE_OF: [RegExp, string][] = [
  [/^GET \/auth\/me$/, 'auth_api/me'],
  [/^POST \/messages\/send$/, 'messages_api/post_send_messages.with-fields-conversation-contact'],
  [/^GET \/messages\/status\//, 'messages_api/get_message_status'],
  [/^GET \/contacts$/, 'contacts_api/get_contacts'],
  [/^POST \/contacts$/, 'contacts_api/post_contacts'],
  [/^GET \/contacts\/phone\//, 'contacts_api/get_contact_by_phone'],
  [/^GET \/contacts\/bsuid\//, 'contacts_api/get_contact_by_bsuid'],
  [/^GET \/contacts\/[^/]+\/messages$/, 'contacts_api/get_contact_messages'],
  [
    /^POST \/contacts\/[^/]+\/conversation\/note$/,
    'contacts_api/post_contact_conversation_create_note',
  ],
  [/^POST \/contacts\/[^/]+\/conversation\/close$/, 'contacts_api/post_contact_conversation_close'],
  [/^POST \/contacts\/[^/]+\/conversation\/open$/, 'contacts_api/post_contact_conversation_open'],
  // The funnel move has two documented routes (conversation/…, messages/…), one example.
  [
    /^(PUT|POST|PATCH) \/contacts\/[^/]+\/\w+\/update_funnel$/,
    'contacts_api/put_contacts_conversation_update_funnel',
  ],
  [/^POST \/contacts\/[^/]+\/bot$/, 'contacts_api/post_contact_bot'],
  [/^GET \/contacts\/[^/]+\/bot$/, 'contacts_api/get_contact_bot'],
  [/^DELETE \/contacts\/[^/]+$/, 'contacts_api/delete_contact'],
  [/^PATCH \/contacts\/[^/]+$/, 'contacts_api/patch_contacts'],
  [/^GET \/contacts\/[^/]+$/, 'contacts_api/get_contact'],
  [/^GET \/channels$/, 'channels_api/get_channels'],
  [/^GET \/templates\/[^/]+$/, 'template_messages_api/get_template'],
  [/^GET \/templates$/, 'template_messages_api/get_templates'],
  [/^GET \/teams$/, 'teams_api/get_teams'],
  [/^GET \/teams\/[^/]+\/members$/, 'teams_api/get_team_members'],
  [/^GET \/funnels$/, 'funnels_api/get_funnels'],
];

/**
 * The webhook API's pages show no example the app can read (`webhooks_api/events.md` gives each
 * payload as a placeholder string, "message_object"), so these stay written out, in the shapes
 * the pages' tables describe.
 */
const WEBHOOK_ANSWERS: [RegExp, (text: string) => unknown][] = [
  [
    /^POST \/webhooks\/subscribe$/,
    () => ({ webhook: { url: TARGET_URL, subscriptions: [], createdAt: '2026-11-20T10:00:00Z' } }),
  ],
  [/^DELETE \/webhooks\/unsubscribe$/, (text) => ({ status: text })],
  [
    /^GET \/webhooks\/events$/,
    (text) => ({
      webhook_events: CALLBELL_EVENTS.map((event) => ({
        event,
        payload: { ...documentedDelivery(event).payload, note: text },
        createdAt: '2026-11-20T10:00:00Z',
      })),
      meta: { page: 1, pages: 1 },
    }),
  ],
];

/**
 * The one edit the operations' examples need: get_template.md's template reads "Message text",
 * with no placeholder, while Send Template Message's example fills two (as the sandbox's
 * seeded template has), so its text gets two.
 */
function fitToExamples(route: string, body: unknown): unknown {
  const template = isObject(body) && isObject(body.template) ? body.template : null;
  if (route.startsWith('GET /templates/') && template)
    template.text = 'Hi {{1}}, thanks for your order {{2}}!';
  return body;
}

/** Keys whose values Callbell copies from what people typed: where an echo would show. */
const FREE_TEXT = new Set(['name', 'title', 'text', 'note', 'user_name']);

/** The example with `text` added wherever free text goes, tags and custom fields included. */
function withText(value: unknown, text: string, key = ''): unknown {
  if (typeof value === 'string') return FREE_TEXT.has(key) ? `${value} ${text}` : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => withText(item, text));
    return key === 'tags' ? [...items, text] : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([name, item]) => [name, withText(item, text, name)]);
  if (key === 'customFields') entries.push([text, text]);
  return Object.fromEntries(entries);
}

/** Callbell's documented answer for a request, with `text` wherever free text goes. */
export function documentedAnswer(method: string, path: string, text: string): unknown {
  const route = `${method} ${path.replace(/^\/v1/, '').replace(/\?.*$/, '')}`;
  const example = EXAMPLE_OF.find(([pattern]) => pattern.test(route));
  if (example) return withText(fitToExamples(route, docsExample(example[1])), text);
  const written = WEBHOOK_ANSWERS.find(([pattern]) => pattern.test(route));
  if (!written) throw new Error(`No documented answer for ${route}`);
  return written[1](text);
}
