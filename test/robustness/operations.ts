import type { Bundle } from 'zapier-platform-core';
import App from '../../index';
import { CALLBELL_EVENTS } from '../../src/api/webhooks';
import { messageFields } from '../../src/creates/send_message';
import { legacyCheckboxFields } from '../../src/fields/contact-details';
import { EXAMPLE_IDS, type HookExample } from '../../src/example';
import { listedOperations } from '../../scripts/lib/operation-examples';
import { documentedDelivery } from '../helpers/fixtures';
import { TARGET_URL } from '../helpers/hook-trigger';
import type { Perform } from './helpers';

export const CONTACT = EXAMPLE_IDS.contact;
export const MESSAGE = EXAMPLE_IDS.message;
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

/** A contact as Callbell documents it, with `text` in a free-text field. */
function contact(text: string) {
  return {
    uuid: CONTACT,
    name: `Ana ${text}`,
    phoneNumber: '31612345678',
    note: text,
    tags: ['Lead', text],
    customFields: { [text]: text },
    createdAt: '2022-10-12T15:57:16Z',
  };
}

/** Callbell's documented answer for a request, with `text` wherever free text goes. */
export function documentedAnswer(method: string, path: string, text: string): unknown {
  const route = `${method} ${path.replace(/^\/v1/, '').replace(/\?.*$/, '')}`;
  const person = contact(text);
  const answers: [RegExp, unknown][] = [
    [
      /^GET \/auth\/me$/,
      { status: 'ok', user_email: 'a@example.com', user_name: text, api_key: text },
    ],
    [
      /^POST \/messages\/send$/,
      { message: { uuid: MESSAGE, status: 'enqueued', contact: person } },
    ],
    [
      /^GET \/messages\/status\//,
      {
        message: {
          uuid: MESSAGE,
          status: 'failed',
          messageStatusPayload: { payload: { reason: text } },
        },
      },
    ],
    [/^GET \/contacts$/, { contacts: [person] }],
    [
      /^GET \/contacts\/[^/]+\/messages$/,
      {
        messages: [{ uuid: MESSAGE, text, status: 'received', createdAt: '2026-11-20T10:00:00Z' }],
      },
    ],
    [/^POST \/contacts\/[^/]+\/conversation\/note$/, { success: true }],
    [/^DELETE \/contacts\/[^/]+$/, { status: text }],
    [/^POST \/contacts\/[^/]+\/bot$/, { bot: { uuid: MESSAGE, name: text, status: 'ended' } }],
    [/^(GET|POST|PATCH|PUT) \/contacts/, { contact: [person] }],
    [
      /^GET \/channels$/,
      {
        channels: [{ uuid: MESSAGE, title: text, type: 'whatsapp', main: true }],
        meta: { page: 1, pages: 1 },
      },
    ],
    [
      /^GET \/templates\/[^/]+$/,
      {
        template: {
          uuid: TEMPLATE,
          title: text,
          templateType: 'text',
          status: 'approved',
          text: `Hi {{1}}, thanks for your order {{2}}! ${text}`,
        },
      },
    ],
    [
      /^GET \/templates$/,
      {
        templates: [{ uuid: TEMPLATE, title: text, status: 'approved', text }],
        meta: { page: 1, pages: 1 },
      },
    ],
    [/^GET \/teams$/, { teams: [{ uuid: CONTACT, name: text }], meta: { page: 1, pages: 1 } }],
    [
      /^GET \/teams\/[^/]+\/members$/,
      { users: [{ email: 'a@example.com', name: text }], meta: { page: 1, pages: 1 } },
    ],
    [/^GET \/funnels$/, { funnels: [{ uuid: EXAMPLE_IDS.funnel, name: text, position: 1 }] }],
    [
      /^POST \/webhooks\/subscribe$/,
      { webhook: { url: TARGET_URL, subscriptions: [], createdAt: '2026-11-20T10:00:00Z' } },
    ],
    [/^DELETE \/webhooks\/unsubscribe$/, { status: text }],
    [
      /^GET \/webhooks\/events$/,
      {
        webhook_events: CALLBELL_EVENTS.map((event) => ({
          event,
          payload: { ...documentedDelivery(event).payload, note: text },
          createdAt: '2026-11-20T10:00:00Z',
        })),
        meta: { page: 1, pages: 1 },
      },
    ],
  ];
  const found = answers.find(([pattern]) => pattern.test(route));
  if (!found) throw new Error(`No documented answer for ${route}`);
  return found[1];
}
