/**
 * Zapier's integration checks and build guidelines, judged offline over the whole app
 * definition. Each rule quotes the sentence of Zapier's text it implements (`RULES`), and a
 * finding names the rule, the place and what is wrong.
 *
 * Sources (zapier/visual-builder, published at docs.zapier.com/platform/publish/…):
 * - REF: docs/_publish/validation/integration-checks-reference.md (D001–D026, T002–T006, Z001;
 *   the reference has no D019 or D020)
 * - BG: docs/_publish/launch-process/integration-build-guidelines.md
 * - PR: docs/_publish/launch-process/integration-publishing-requirements.md
 *
 * Where Zapier's wording leaves a choice open (what "title case" is, how `null` is typed), the
 * choice is written beside the rule. Checks on live results (T002–T006, Z001) are judged by
 * `checkLiveResults` on what the app's own performs return for Callbell's documented payloads.
 */

export const RULES = {
  D001: {
    source: 'REF D001 "Asks for API Key in Action Instead of in Auth"',
    quote:
      'Some integrations incorrectly have `api_key` or similar as an an action field in an action instead of centrally used in auth.',
  },
  D002: {
    source: 'REF D002 "Provide Link in Help Text for Auth Fields"',
    quote:
      "If you use a pasted API key as an authentication method, it's strongly encouraged that you link the user to the page (or relevant help doc) that has their key.",
  },
  D003: {
    source: 'REF D003 "Connection Label Should Be Set"',
    quote:
      'The most important role of the label is to uniquely identify the connection. (✘ "Slack")',
  },
  'PR5.6': {
    source: 'PR 5.6 "Integration has a valid connection label"',
    quote:
      'Sensitive information such as API keys, secrets, and lengthy ID values are not allowed. Do not hard code values such as the application’s name or words like “success”, as these are already communicated in the UI.',
  },
  D004: {
    source: 'REF D004 "ID Fields Should Have Dynamic Dropdowns"',
    quote:
      "We've found that instead of instructing users to paste an item `id` into Zapier, providing them with a dynamic dropdown greatly increases the likelihood of the user setting up Zaps correctly.",
  },
  D005: {
    source: 'REF D005 "Dynamic Dropdown Connects to a Non-Existing Trigger"',
    quote: "The dropdown won't work if the trigger key you specify doesn't exist.",
  },
  D006: {
    source: 'REF D006 "REST Hook Trigger Needs a Polling URL"',
    quote:
      "When users are setting up a hook-based (aka instant) Trigger, it's important to have a polling fallback.",
  },
  D007: {
    source: 'REF D007 "All URLs Should Be HTTPS"',
    quote: 'ensure your URLs have HTTPS as their protocol.',
  },
  D008: {
    source: 'REF D008 "Invalid Markdown Link"',
    quote: 'Any link used in plain text needs to either be a proper link or in backticks.',
  },
  D009: {
    source: 'REF D009 "Requires at Least One Search Field"',
    quote: "When making a search step, it's important to have a field to search by.",
  },
  D010: {
    source: 'REF D010 "Missing Primary Key Fields in Static Sample Data"',
    quote:
      "This check ensures the static samples in your integration definition contain the primary key fields. … Hooks are not deduped, so they're not required to have a primary key.",
  },
  D011: {
    source: 'REF D011 "Redundant Help Text"',
    quote: 'If the label and help text are the same, they are considered redundant.',
  },
  D012: {
    source: 'REF D012 "Static Sample Is Required"',
    quote:
      'If testing the trigger returns no live results, we use static sample data as a fallback.',
  },
  D013: {
    source: 'REF D013 "Connects to a Non-Existing Search"',
    quote: "It won't work if the search key you specify doesn't exist.",
  },
  D014: {
    source: 'REF D014 "Has a Search Connector, but No Dynamic Dropdown"',
    quote:
      'to get the "Add a Search Step" button to appear for users in the Zap editor, an action needs both a search connector and a (valid) dynamic dropdown.',
  },
  D015: {
    source: 'REF D015 "Search-Or-Create Connects to a Non-Existing Action/Search"',
    quote:
      'The search or create key you specify in `searchOrCreates` must reference to an existing search or action.',
  },
  D016: {
    source: 'REF D016 "Consists Only a Static Webhook"',
    quote:
      "Zapier doesn't allow integrations that are a single static hook with the availability of Webhooks by Zapier.",
  },
  D017: {
    source: 'REF D017 "Static Hook Is Discouraged"',
    quote:
      'When a REST Hook trigger is missing a Subscribe or Unsubscribe endpoint, it is presented to users as a Static Webhook.',
  },
  D018: {
    source: 'REF D018 "Titlecased Label"',
    quote:
      "In order to have a consistent style across trigger/action/search labels, they're required to be presented in title case. If you fail this check, a passing version of your label will be shown.",
  },
  D021: {
    source: 'REF D021 "Trigger Description Requirements"',
    quote: 'Trigger descriptions must start with `Triggers when ` and end with a `.`.',
  },
  D022: {
    source: 'REF D022 "Creates Should Try to Have Static Input Fields"',
    quote: 'If possible, add some static input fields that all users will be able to use.',
  },
  D023: {
    source: 'REF D023 "ISO-8601 Date/Time Format in Static Sample"',
    quote:
      'you should always use ISO-8601 format to represent dates or times. Timezone info should also be present if it contains time. (✘ "01 Aug 2023", "01 Aug 2023 06:50:30", "2023-08-01T06:50:30")',
  },
  D024: {
    source: 'REF D024 "Static Sample Respects Output Field Definition"',
    quote:
      '"required" fields must be in the sample; field values in the sample match their field type',
  },
  D025: {
    source: 'REF D025 "URLs Should Not Be Dangerous URIs"',
    quote:
      'we require that URLs inside the app definition do not match potentially dangerous URI patterns which could be used to run malicious code.',
  },
  D026: {
    source: 'REF D026 "Manual domain validation recommended …"',
    quote:
      'When utilizing authentication fields which allow a user to input their own domain or subdomain, we strongly recommend performing manual validation on the input data',
  },
  T002: {
    source: 'REF T002 "Missing Primary Key Fields in Live Polling Results"',
    quote:
      'This check ensures the live polling results in the Zap History contain the primary key fields.',
  },
  T003: {
    source: 'REF T003 "ISO-8601 Date/Time Format in Zap History"',
    quote:
      'you should always use ISO-8601 format to represent dates or times. Timezone info should also be present if it contains time.',
  },
  T004: {
    source: 'REF T004 "Static Sample Contains a Subset of Keys from Live Result"',
    quote:
      'This check requires the static sample you define for each trigger/action/search to contain a subset of the keys in the latest run in the Zap History.',
  },
  T005: {
    source: 'REF T005 "Live Trigger Result Respects Output Field Definition"',
    quote:
      'This check takes the latest run from the Zap History and verifies whether the trigger result conforms to the output fields',
  },
  T006: {
    source: 'REF T006 "Polling Sample Contains a Subset of Keys from Live Result"',
    quote:
      'The polling sample should have the same data keys, or a subset of keys, compared to those available in the Zap run data.',
  },
  Z001: {
    source: 'REF Z001 "Polling Sample Respects Output Field Definition"',
    quote:
      'This check takes the latest polling sample from a Zap with this trigger and verifies that the sample conforms to the output fields',
  },
  'BG-noun': {
    source: 'BG "Trigger design and copy" (and the action and search counterparts)',
    quote:
      'a descriptive noun that reflects the object that is being returned in the trigger. This typically is one word and should always be in the singular form.',
  },
  'BG-description': {
    source: 'BG "Action design and copy", "Search design and copy", "Trigger design and copy"',
    quote:
      'a concise description starting with a plural form of the action verb, and ending in a period/full-stop. … Please do not include the name of the platform',
  },
  'BG-trigger-description-length': {
    source: 'BG "Trigger design and copy"',
    quote:
      'a concise description using our standard phrasing ‘Triggers when…“ and no more than a handful of additional words.',
  },
  'BG-id-label': {
    source: 'BG "Action input fields" (and the trigger and search counterparts)',
    quote: 'Your integration should not have input fields labeled ‘XXX ID’.',
  },
  'BG-help-text': {
    source: 'BG "Action input fields", "Help texts"',
    quote:
      'only include it if you have something different to say from the field name … For example, help text for an ‘Email Address’ field stating ‘Contact’s email address’ is not necessary.',
  },
  'BG-list': {
    source: 'BG "Action input fields", "Field types"',
    quote:
      'If the field can accept multiple values, use our built-in ‘List’ property or ‘Allow Multiples’ functionality rather than asking users to provide a comma-separated list of values in a text field.',
  },
  'BG-required': {
    source: 'BG "Action input fields", "Required fields"',
    quote: 'If a field is not required by your API, don’t make it required in the Zap action.',
  },
  'BG-delete-copy': {
    source: 'BG "Delete actions"',
    quote:
      'If you do add a delete action, make sure to include a Copy field to clarify to users that the action is irreversible once the API request is made.',
  },
  'BG-updated-trigger': {
    source: 'BG "Update triggers"',
    quote:
      'Don’t offer a generic ‘Updated ’ trigger, as these are often too general for users to use in their Zaps.',
  },
  'BG-names': {
    source: 'BG "Response content", "Names"',
    quote:
      'Always provide separate name fields, though feel free to return the full name as well if the response already includes this.',
  },
  'BG-dropdown-output': {
    source: 'BG "Action response content", "Dropdown Fields"',
    quote:
      'Return both the name and ID of the selected dropdown option to be used in subsequent steps of the Zap.',
  },
  'BG-epoch': {
    source: 'BG "Response content", "Date-times"',
    quote: 'Avoid UNIX/Epoch timestamps.',
  },
  'BG-booleans': {
    source: 'BG "Response content", "Booleans"',
    quote:
      'Set boolean values as true or false. Do not use 1 and 0 or alternative representations for boolean values.',
  },
} as const;

export type RuleId = keyof typeof RULES;

export interface Finding {
  rule: RuleId;
  where: string;
  problem: string;
}

export interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  required?: boolean;
  list?: boolean;
  dict?: boolean;
  choices?: unknown;
  dynamic?: string;
  search?: string;
  computed?: boolean;
  inputFormat?: string;
  children?: Field[];
}

export interface OutputField {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
  primary?: boolean;
  list?: boolean;
}

interface Operation {
  perform?: unknown;
  performList?: unknown;
  performSubscribe?: unknown;
  performUnsubscribe?: unknown;
  type?: string;
  inputFields?: unknown[];
  outputFields?: unknown[];
  sample?: Record<string, unknown>;
}

export interface Definition {
  key: string;
  noun?: string;
  display?: { label?: string; description?: string; hidden?: boolean; important?: boolean };
  operation?: Operation;
}

type ConnectionLabel =
  string | ((z: never, bundle: { inputData: Record<string, unknown> }) => unknown);

export interface AppDefinition {
  authentication?: {
    fields?: Field[];
    connectionLabel?: unknown;
  };
  triggers?: Record<string, Definition>;
  creates?: Record<string, Definition>;
  searches?: Record<string, Definition>;
  searchOrCreates?: Record<
    string,
    {
      key: string;
      search: string;
      create: string;
      update?: string;
      display?: { label?: string; description?: string };
    }
  >;
}

export interface RuleOptions {
  /** The integration's name, which descriptions and the connection label must not repeat. */
  appName: string;
  /** What the auth test returns, which a connection label is rendered from (D003, PR 5.6). */
  authTestResult: Record<string, unknown>;
}

type Report = (rule: RuleId, where: string, problem: string) => void;

/**
 * D018 says labels must be "in title case" and that Zapier shows "a passing version": it does
 * not publish its casing rules. This follows John Gruber's Title Case (first and last words
 * capitalised, these small words lower case in between), the reading Zapier's own copy agrees
 * with ("Find or Create", "New Deal in Stage", BG "Update triggers"). Words with capitals
 * inside (E.164, WhatsApp) are left as written.
 */
const SMALL_WORDS = new Set(
  'a an and as at but by en for if in nor of on or the to v via vs'.split(' '),
);

/** BG "Date-times": Zapier's acceptable forms (date-only, or date-time with an offset). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+';

/**
 * Strings a reader takes for a date or a date-time, ISO or not: D023's own failing examples
 * ("01 Aug 2023", "01 Aug 2023 06:50:30", "2023-08-01T06:50:30"), month-first and slashed
 * dates, RFC 2822 (`Tue, 01 Aug 2023 …`) and a date with a space before its time.
 */
const DATE_LIKE = [
  /^\d{4}-\d{2}-\d{2}/,
  new RegExp(`^(${WEEKDAY})?\\d{1,2}[ -]${MONTH}[ -,]+\\d{4}\\b`, 'i'),
  new RegExp(`^(${WEEKDAY})?${MONTH} \\d{1,2}(st|nd|rd|th)?,? \\d{4}\\b`, 'i'),
  /^\d{1,2}[/.]\d{1,2}[/.]\d{4}\b/,
  /^\d{4}[/.]\d{1,2}[/.]\d{1,2}\b/,
];

/** Keys that name a time: a number there is an epoch timestamp (BG "Date-times"). */
const TIME_KEY = /(At|_at|Date|_date|^date|time|Time|timestamp|Timestamp|^ts)$/;

/**
 * D004: what a user would type an ID into. Keys ending in an id (`id`, `_id`, `uuid`, `bsuid`,
 * `messageId`), labels naming an ID, and help texts asking to map or paste one.
 */
const ID_KEY = /(^|_)(id|uuid|bsuid)$|[a-z](Id|ID|Uuid)$/;
const ID_WORDS = /\b(ID|IDs|UUID|BSUID)\b/;
const ASKS_FOR_ID = /\b(map|paste|enter|type)\b[^.]*\b(ID|IDs|UUID|BSUID)\b/i;

/** D001: credentials. */
const SECRET_FIELD = /api[ _-]?key|access[ _-]?token|secret|password/i;

/** D025: script-carrying URI schemes. */
const DANGEROUS_URI = /(^|[\s("'[<])(javascript|vbscript|data):/i;

/**
 * BG "Field types": a text field asking for several values "separated by commas" or as a
 * "comma-separated" list.
 */
const ASKS_FOR_COMMAS = /separated by commas|comma[- ]separated/i;

/** PR 5.6: a run of 16 or more letters and digits with a digit in it reads as an ID. */
const LENGTHY_ID = /\b(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}\b/;

/** BG "Trigger design and copy": "no more than a handful of additional words". */
const MAX_TRIGGER_DESCRIPTION_WORDS = 12;

export async function checkPublishingRules(
  app: AppDefinition,
  options: RuleOptions,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const report: Report = (rule, where, problem) => findings.push({ rule, where, problem });

  checkAuthFields(app, report);
  await checkConnectionLabel(app, options, report);
  for (const [kind, definitions] of operationGroups(app)) {
    for (const [key, definition] of Object.entries(definitions ?? {})) {
      checkOperation(app, kind, `${kind}.${key}`, definition, report, options);
    }
  }
  checkSearchOrCreates(app, report);
  checkStaticWebhooks(app, report);
  checkStrings(app, report);
  return findings;
}

type Kind = 'triggers' | 'creates' | 'searches';

function operationGroups(app: AppDefinition): [Kind, Record<string, Definition> | undefined][] {
  return [
    ['triggers', app.triggers],
    ['creates', app.creates],
    ['searches', app.searches],
  ];
}

function checkAuthFields(app: AppDefinition, report: Report) {
  for (const field of app.authentication?.fields ?? []) {
    const where = `authentication.fields.${field.key}`;
    if (!/\[[^\]]+\]\(https:\/\/[^)\s]+\)/.test(field.helpText ?? '')) {
      report('D002', where, 'help text must link (Markdown) to where the value is found');
    }
    if (field.inputFormat || /domain|subdomain|url/i.test(field.key)) {
      report('D026', where, 'a domain field needs manual validation (e.g. /^[a-z0-9-]+$/)');
    }
  }
}

/**
 * D003 and PR 5.6 on the label a user sees: a string label is rendered from the auth test's
 * result, a function label is called with it, as Zapier does after a successful test.
 */
async function checkConnectionLabel(app: AppDefinition, options: RuleOptions, report: Report) {
  const where = 'authentication.connectionLabel';
  const label = app.authentication?.connectionLabel as ConnectionLabel | undefined;
  if (label === undefined) return report('D003', where, 'set a connection label');
  if (typeof label === 'string' && !/{{\s*[^}]+}}/.test(label)) {
    report('D003', where, `"${label}" is the same for every account: name it from the test`);
  }
  const shown = await renderLabel(label, options.authTestResult);
  if (!shown.trim()) return report('D003', where, 'the label is empty for a connected account');
  if (shown.toLowerCase().includes(options.appName.toLowerCase())) {
    report('PR5.6', where, `"${shown}" names the app`);
  }
  if (/\bsuccess/i.test(shown)) report('PR5.6', where, `"${shown}" says "success"`);
  if (LENGTHY_ID.test(shown) || SECRET_FIELD.test(labelSource(label))) {
    report('PR5.6', where, `"${shown}" shows a lengthy ID or a secret`);
  }
}

async function renderLabel(label: ConnectionLabel, test: Record<string, unknown>): Promise<string> {
  if (typeof label === 'function') {
    const shown: unknown = await label(undefined as never, { inputData: test });
    return typeof shown === 'string' ? shown : '';
  }
  return label.replace(/{{\s*(?:bundle\.inputData\.)?([\w.]+)\s*}}/g, (_, path: string) => {
    const value = path
      .split('.')
      .reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), test);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
}

function labelSource(label: ConnectionLabel): string {
  return typeof label === 'string' ? label : label.toString();
}

function checkOperation(
  app: AppDefinition,
  kind: Kind,
  where: string,
  definition: Definition,
  report: Report,
  options: RuleOptions,
) {
  const { display = {}, operation = {} } = definition;
  const hidden = display.hidden === true;
  const fields = staticFields(operation.inputFields);
  if (!hidden) {
    checkNoun(where, definition.noun, report);
    checkLabel(where, display.label, report);
    checkDescription(kind, where, display.description, report, options.appName);
    if (!isRecord(operation.sample) || Object.keys(operation.sample).length === 0) {
      report('D012', where, 'a static sample is required');
    }
    if (kind === 'triggers') checkUpdatedTrigger(where, display.label ?? '', fields, report);
    if (kind === 'creates') checkCreateFields(where, definition, fields, report);
  }
  if (operation.type === 'hook' && typeof operation.performList !== 'function') {
    report('D006', where, 'a REST hook trigger needs performList');
  }
  if (isRecord(operation.sample)) checkSample(kind, where, operation, report);
  if (kind === 'searches' && !fields.some((field) => field.type !== 'copy' && !field.computed)) {
    report('D009', where, 'a search needs at least one field to search by');
  }
  for (const field of fields) {
    checkInputField(app, `${where}.inputFields.${field.key}`, field, report);
  }
}

/** BG: "should always be in the singular form" (Zapier pluralises it itself). */
function checkNoun(where: string, noun: string | undefined, report: Report) {
  if (!noun) return report('BG-noun', where, 'a noun is required');
  const last = noun.split(/\s+/).pop() ?? noun;
  if (/[^s]s$|ies$|sses$/i.test(last) && !/(ss|us|is)$/i.test(last)) {
    report('BG-noun', where, `noun "${noun}" is plural: Zapier pluralises it itself`);
  }
}

function checkLabel(where: string, label: string | undefined, report: Report) {
  if (!label) return report('D018', where, 'a label is required');
  const passing = titleCase(label);
  if (label !== passing) report('D018', where, `"${label}" is not title case: "${passing}"`);
}

/** The passing version of a label, D018's way (see SMALL_WORDS). */
export function titleCase(label: string): string {
  const words = label.split(' ');
  return words
    .map((word, index) => {
      if (/[a-z][A-Z]|[A-Z].*[A-Z]|\d/.test(word)) return word;
      const inside = index > 0 && index < words.length - 1;
      if (inside && SMALL_WORDS.has(word.toLowerCase())) return word.toLowerCase();
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}

function checkDescription(
  kind: Kind,
  where: string,
  description: string | undefined,
  report: Report,
  appName: string,
) {
  if (!description) return report('BG-description', where, 'a description is required');
  if (kind === 'triggers') {
    if (!/^Triggers when .*\.$/s.test(description)) {
      report('D021', where, 'trigger descriptions start with "Triggers when " and end with "."');
    }
    const extra = description.replace(/^Triggers when /, '').split(/\s+/).length;
    if (extra > MAX_TRIGGER_DESCRIPTION_WORDS) {
      report(
        'BG-trigger-description-length',
        where,
        `${extra} words after "Triggers when": keep to ${MAX_TRIGGER_DESCRIPTION_WORDS}`,
      );
    }
  } else if (!/^[A-Z][a-z]+s\b.*\.$/s.test(description)) {
    report(
      'BG-description',
      where,
      'start with a plural verb ("Finds", "Creates") and end with "."',
    );
  }
  if (description.includes(appName)) {
    report('BG-description', where, `the description names the integration (${appName})`);
  }
}

/**
 * BG "Update triggers": a trigger called "Updated X" or "X Updated" for a single-word object,
 * with no field to say which change counts, is the generic kind ('Updated Deal'). Naming an
 * attribute ('Updated Deal Status') or offering a field that narrows it passes.
 */
function checkUpdatedTrigger(where: string, label: string, fields: Field[], report: Report) {
  const generic = /^(Updated|Changed) \S+$|^\S+ (Updated|Changed)$/.test(label);
  const narrows = fields.some((field) => field.type !== 'copy' && !field.computed);
  if (generic && !narrows) {
    report('BG-updated-trigger', where, `"${label}" fires on any change: offer specific ones`);
  }
}

function checkCreateFields(where: string, definition: Definition, fields: Field[], report: Report) {
  const usable = fields.filter((field) => field.type !== 'copy' && !field.computed);
  if (usable.length === 0) {
    report('D022', where, 'give the action static input fields (copy fields do not count)');
  }
  const label = definition.display?.label ?? '';
  if (/^(Delete|Remove)\b/.test(label) && !fields.some((field) => field.type === 'copy')) {
    report('BG-delete-copy', where, 'a delete action needs a copy field saying it is irreversible');
  }
  checkDropdownOutputs(where, definition, usable, report);
  for (const field of usable) {
    if (
      field.required &&
      field.type === 'boolean' &&
      /confirm/i.test(`${field.key} ${field.label}`)
    ) {
      report(
        'BG-required',
        `${where}.inputFields.${field.key}`,
        'a confirmation the API does not ask for must not be required',
      );
    }
  }
}

/**
 * BG "Dropdown Fields": where the action's sample returns the object a dropdown chose (a key
 * naming it: `channel__uuid`, `team`), it also returns its pretty name (a key with `name` or
 * `title`, or one whose output label says it is a name, a title or an email: an agent is
 * chosen and shown by email). An object the
 * answer does not return at all is out of reach ("where the answer allows"). A search-powered
 * field picks the record the action works on, which its search step or trigger returns whole;
 * the operation's own object is its sample's `name`.
 */
function checkDropdownOutputs(
  where: string,
  definition: Definition,
  fields: Field[],
  report: Report,
) {
  const sample = definition.operation?.sample;
  if (!isRecord(sample)) return;
  const squash = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');
  const flat = Object.keys(flatten(sample)).map((key) => [squash(key)] as const);
  const labels = new Map(
    staticOutputFields(definition.operation?.outputFields).map((output) => [
      squash(output.key),
      output.label ?? '',
    ]),
  );
  for (const field of fields) {
    const object = field.dynamic?.split('.')[0]?.replace(/_list$/, '');
    if (!object || field.search || object === definition.noun?.toLowerCase()) continue;
    const returned = flat.filter(([key]) => key.includes(object));
    const named = returned.some(
      ([key]) =>
        /name|title/.test(key.replace(object, '')) ||
        /\b(Name|Title|Email)\b/.test(labels.get(key) ?? ''),
    );
    if (returned.length && !named) {
      report(
        'BG-dropdown-output',
        `${where}.inputFields.${field.key}`,
        `return the ${object}'s name too`,
      );
    }
  }
}

function checkSample(kind: Kind, where: string, operation: Operation, report: Report) {
  const sample = operation.sample as Record<string, unknown>;
  const outputFields = staticOutputFields(operation.outputFields);
  if (kind === 'triggers' && operation.type !== 'hook') {
    for (const key of primaryKeys(outputFields)) {
      if (!(key in sample)) report('D010', where, `the sample lacks the primary key "${key}"`);
    }
  }
  checkValues('D023', `${where}.sample`, sample, report);
  checkAgainstOutputFields('D024', where, sample, outputFields, report);
  checkNames(where, sample, report);
}

function primaryKeys(outputFields: OutputField[]): string[] {
  const primary = outputFields.filter((field) => field.primary).map((field) => field.key);
  return primary.length ? primary : ['id'];
}

/** Whether a string reads as a date or a date-time (see DATE_LIKE). */
export function looksLikeDate(value: string): boolean {
  return DATE_LIKE.some((pattern) => pattern.test(value.trim()));
}

/** Whether a date-like string is in a form Zapier accepts. */
export function isIsoDate(value: string): boolean {
  return ISO_8601.test(value);
}

/** D023 / T003 on every value; BG: no epoch timestamps, no 1/0 booleans under `is…` keys. */
function checkValues(
  rule: 'D023' | 'T003',
  where: string,
  item: Record<string, unknown>,
  report: Report,
) {
  for (const [key, value] of Object.entries(flatten(item))) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) {
      if (typeof one === 'string' && looksLikeDate(one) && !isIsoDate(one)) {
        report(rule, `${where}.${key}`, `"${one}" is not ISO 8601 with a time zone`);
      }
    }
    const leaf = key.split(/__|\[\]/).pop() ?? key;
    if (typeof value === 'number' && TIME_KEY.test(leaf)) {
      report('BG-epoch', `${where}.${key}`, `${value} is an epoch timestamp: give ISO 8601`);
    }
    if (
      (value === 0 || value === 1 || value === '0' || value === '1') &&
      /^(is|has)[A-Z_]/.test(leaf)
    ) {
      report('BG-booleans', `${where}.${key}`, `${JSON.stringify(value)} stands for a boolean`);
    }
  }
}

/**
 * BG "Names": an object with a full `name` and a person's phone or email (a contact, a user)
 * also gives its parts, `firstName` and `lastName` (or `first_name`/`last_name`).
 */
function checkNames(where: string, sample: Record<string, unknown>, report: Report) {
  const visit = (item: Record<string, unknown>, path: string) => {
    const isPerson = 'name' in item && ('phoneNumber' in item || 'email' in item);
    const hasParts =
      ('firstName' in item && 'lastName' in item) || ('first_name' in item && 'last_name' in item);
    if (isPerson && !hasParts) {
      report('BG-names', `${where}.sample${path}`, 'give firstName and lastName beside name');
    }
    for (const [key, nested] of Object.entries(item)) {
      if (isRecord(nested)) visit(nested, `${path}.${key}`);
    }
  };
  visit(sample, '');
}

/**
 * D024 / T005 / Z001: "required" output fields are present and every value matches its
 * field's `type` (the schema's string, text, password, copy, file, integer, number, boolean,
 * datetime). A `null` is an absent value: it matches every type, and a required field that is
 * null counts as missing. Zapier's reference does not say how it reads null; this is the
 * strict reading for `required` and the lenient one for types.
 */
function checkAgainstOutputFields(
  rule: 'D024' | 'T005' | 'Z001',
  where: string,
  item: Record<string, unknown>,
  outputFields: OutputField[],
  report: Report,
) {
  const flat = flatten(item);
  for (const field of outputFields) {
    const value = flat[field.key];
    if (field.required && (value === undefined || value === null)) {
      report(rule, where, `required output field "${field.key}" is missing`);
    }
    if (value !== undefined && !matchesType(value, field)) {
      report(
        rule,
        where,
        `"${field.key}" ${JSON.stringify(value)} is not of type ${field.type ?? 'string'}`,
      );
    }
  }
}

export function matchesType(value: unknown, field: Pick<OutputField, 'type' | 'list'>): boolean {
  if (value === null) return true;
  if (field.list && Array.isArray(value)) {
    return value.every((item) => matchesType(item, { type: field.type }));
  }
  switch (field.type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return typeof value === 'string' && ISO_8601.test(value);
    case 'file':
      return typeof value === 'string' && /^https:\/\/\S+$/.test(value);
    case 'string':
    case 'text':
    case 'password':
    case 'copy':
      return typeof value === 'string';
    default:
      return true;
  }
}

function checkInputField(app: AppDefinition, where: string, field: Field, report: Report) {
  if (field.computed) return;
  for (const child of field.children ?? []) {
    checkInputField(app, `${where}.${child.key}`, child, report);
  }
  if (
    field.type === 'password' ||
    SECRET_FIELD.test(field.key) ||
    SECRET_FIELD.test(field.label ?? '')
  ) {
    report('D001', where, 'credentials belong in authentication, not in a step');
  }
  if (field.type === 'copy') return;
  const help = field.helpText ?? '';
  if (field.label && help && normalise(help) === normalise(field.label)) {
    report('D011', where, 'help text repeats the label');
  } else if (field.label && help && restatesLabel(field.label, help)) {
    report('BG-help-text', where, `"${help}" says no more than "${field.label}"`);
  }
  const takesId =
    ID_KEY.test(field.key) || ID_WORDS.test(field.label ?? '') || ASKS_FOR_ID.test(help);
  if (takesId && !field.dynamic && !field.choices) {
    report('D004', where, 'a user would type or map an ID here: give it a dynamic dropdown');
  }
  if (ID_WORDS.test(field.label ?? '')) {
    report('BG-id-label', where, `label "${field.label}" asks for an ID: name what it is`);
  }
  if (!field.list && ASKS_FOR_COMMAS.test(help)) {
    report('BG-list', where, 'several values are asked for as comma-separated text: use list');
  }
  if (field.dynamic) checkDynamic(app, where, field.dynamic, report);
  if (field.search) checkSearchConnector(app, where, field, report);
}

/** Words that carry no information of their own in a help text. */
const FILLER = new Set(
  words(
    'a an the this that these those to of for in on at by with from into its it their his her your you is are be will which who whom whose as and or',
  ),
);

/**
 * BG "Help texts" (Zapier's example: 'Email Address' → 'Contact's email address'): a help text
 * whose words, but for filler and the label's own words, are at most one more noun.
 */
function restatesLabel(label: string, help: string): boolean {
  const labelWords = new Set(words(label));
  const extra = words(help).filter((word) => !labelWords.has(word) && !FILLER.has(word));
  return extra.length <= 1;
}

/** The words of a text, lower case, a final s dropped (so "tags" and "tag" meet). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((word) => word.replace(/s$/, ''))
    .filter(Boolean);
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function checkDynamic(app: AppDefinition, where: string, dynamic: string, report: Report) {
  const [triggerKey, idKey] = dynamic.split('.');
  if (!triggerKey || !idKey || !app.triggers?.[triggerKey]) {
    report('D005', where, `dropdown "${dynamic}" does not name a trigger of this app`);
  }
}

function checkSearchConnector(app: AppDefinition, where: string, field: Field, report: Report) {
  const [searchKey, idKey] = (field.search ?? '').split('.');
  if (!searchKey || !idKey || !app.searches?.[searchKey]) {
    report('D013', where, `search "${field.search}" is not a search of this app`);
  }
  if (!field.dynamic) report('D014', where, 'a search connector needs a dynamic dropdown too');
}

function checkSearchOrCreates(app: AppDefinition, report: Report) {
  for (const [key, pair] of Object.entries(app.searchOrCreates ?? {})) {
    const where = `searchOrCreates.${key}`;
    if (!app.searches?.[pair.search]) report('D015', where, `no search "${pair.search}"`);
    if (!app.creates?.[pair.create]) report('D015', where, `no create "${pair.create}"`);
    if (pair.update && !app.creates?.[pair.update]) {
      report('D015', where, `no create "${pair.update}"`);
    }
    if (pair.display?.label) checkLabel(where, pair.display.label, report);
  }
}

/** D016/D017: a hook trigger without performSubscribe and performUnsubscribe is static. */
function checkStaticWebhooks(app: AppDefinition, report: Report) {
  const visible = (definitions: Record<string, Definition> | undefined) =>
    Object.entries(definitions ?? {}).filter(([, definition]) => !definition.display?.hidden);
  const triggers = visible(app.triggers);
  const isStatic = ({ operation = {} }: Definition) =>
    operation.type === 'hook' && (!operation.performSubscribe || !operation.performUnsubscribe);
  for (const [key, definition] of triggers) {
    if (isStatic(definition)) report('D017', `triggers.${key}`, 'static webhooks are not accepted');
  }
  const others = visible(app.creates).length + visible(app.searches).length;
  if (triggers.length === 1 && others === 0 && triggers[0] && isStatic(triggers[0][1])) {
    report('D016', 'triggers', 'the integration is only a static webhook');
  }
}

/** D007, D025 on every string of the definition; D008 in descriptions and help texts. */
function checkStrings(app: AppDefinition, report: Report) {
  const visit = (value: unknown, path: string, key: string) => {
    if (typeof value === 'string') {
      if (/http:\/\//.test(value)) report('D007', path, 'URLs must use HTTPS');
      if (DANGEROUS_URI.test(value)) report('D025', path, 'a dangerous URI scheme');
      if ((key === 'description' || key === 'helpText') && hasBadLink(value)) {
        report('D008', path, 'a bare or broken link: write [text](url) or put it in backticks');
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`, key));
    } else if (isRecord(value)) {
      for (const [nestedKey, nested] of Object.entries(value)) {
        visit(nested, path ? `${path}.${nestedKey}` : nestedKey, nestedKey);
      }
    }
  };
  visit(app, '', '');
}

/** A URL neither the target of a Markdown link nor in backticks, or a link left unclosed. */
export function hasBadLink(text: string): boolean {
  const withoutCode = text.replace(/`[^`]*`/g, '');
  if (/\[[^\]]*\(https?:/.test(withoutCode)) return true;
  const withoutLinks = withoutCode.replace(/\]\([^)]*\)/g, ']');
  return /\bhttps?:\/\/[\w-]+\.[\w.-]+|\bwww\.[\w-]+\.\w/i.test(withoutLinks);
}

/**
 * What a live Zap shows, judged like Zapier's T/Z checks: `latest` is the latest single run's
 * item (T003–T005), `pollingSample` the item the Zap editor's test picked from performList
 * (T002, T006, Z001). Keys are compared flattened, as Zapier shows them (`contact__name`).
 */
export function checkLiveResults(
  where: string,
  definition: Definition,
  live: { latest: Record<string, unknown>; pollingSample?: Record<string, unknown> },
): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (rule, at, problem) => findings.push({ rule, where: at, problem });
  const { operation = {} } = definition;
  const outputFields = staticOutputFields(operation.outputFields);
  const liveKeys = Object.keys(flatten(live.latest));
  checkValues('T003', `${where}.live`, live.latest, report);
  checkAgainstOutputFields('T005', where, live.latest, outputFields, report);
  if (isRecord(operation.sample)) {
    for (const key of missingKeys(operation.sample, liveKeys)) {
      report('T004', where, `sample key "${key}" is not in the latest run`);
    }
  }
  const polled = live.pollingSample;
  if (!polled) return findings;
  if (operation.type !== 'hook') {
    for (const key of primaryKeys(outputFields)) {
      if (!(key in polled)) report('T002', where, `a polling result lacks "${key}"`);
    }
  }
  checkAgainstOutputFields('Z001', where, polled, outputFields, report);
  for (const key of missingKeys(polled, liveKeys)) {
    report('T006', where, `polling key "${key}" is not in the latest run`);
  }
  return findings;
}

/**
 * The flattened keys of `item` that the live keys lack. A key that is null or empty in `item`
 * is present when the live result has it nested (`contact` null against `contact__name`); a
 * nested key is never excused by a null parent in the live result: a Zap that maps
 * `contact__name` gets nothing there.
 */
function missingKeys(item: Record<string, unknown>, liveKeys: string[]): string[] {
  const live = new Set(liveKeys);
  return Object.keys(flatten(item)).filter(
    (key) =>
      !live.has(key) &&
      !liveKeys.some((liveKey) => liveKey.startsWith(`${key}__`) || liveKey.startsWith(`${key}[]`)),
  );
}

function staticFields(fields: unknown[] | undefined): Field[] {
  return (fields ?? []).filter(
    (field): field is Field => isRecord(field) && typeof field.key === 'string',
  );
}

function staticOutputFields(fields: unknown[] | undefined): OutputField[] {
  return (fields ?? []).filter(
    (field): field is OutputField => isRecord(field) && typeof field.key === 'string',
  );
}

/** Zapier's view of nested output: `contact__name`; lists of objects as `items[]name`. */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, nested] of Object.entries(value)) {
    const path = `${prefix}${key}`;
    if (isRecord(nested) && Object.keys(nested).length > 0) {
      Object.assign(flat, flatten(nested, `${path}__`));
    } else if (Array.isArray(nested) && nested.length > 0 && nested.every(isRecord)) {
      for (const item of nested) {
        for (const [itemKey, itemValue] of Object.entries(flatten(item)))
          flat[`${path}[]${itemKey}`] = itemValue;
      }
    } else {
      flat[path] = nested;
    }
  }
  return flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
