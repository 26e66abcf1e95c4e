/**
 * Zapier's integration checks, as its reference writes them, judged offline over the whole app
 * definition, plus the build guidelines a human reviewer holds an app to. Zapier runs the
 * checks on its servers before an app goes public; running them here means no operation can
 * land without meeting them. Each finding names the rule, the place and what is wrong.
 *
 * Sources (zapier/visual-builder, now docs.zapier.com/platform/publish/…):
 * - REF: docs/_publish/validation/integration-checks-reference.md (D001–D026, T001–T006, Z001;
 *   the reference has no D019 or D020)
 * - BG: docs/_publish/launch-process/integration-build-guidelines.md
 * Checks on live results (T002–T006, Z001) are judged on what the app's own performs return
 * for Callbell's documented payloads: see `checkLiveResults`.
 */
export interface Finding {
  rule: string;
  where: string;
  problem: string;
}

export interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  required?: boolean;
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

interface Definition {
  key: string;
  noun?: string;
  display?: { label?: string; description?: string; hidden?: boolean; important?: boolean };
  operation?: Operation;
}

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
  /** The integration's name, which descriptions must not repeat (BG "Descriptions"). */
  appName?: string;
  /**
   * Input fields (`creates.key.inputFields.field`) that take an ID with no list to choose it
   * from, each explained where it is listed. D004 is a warning in Zapier's reference; the
   * build guidelines ask that such a field says why in its help text.
   */
  idFieldsWithoutDropdown?: string[];
}

type Report = (rule: string, where: string, problem: string) => void;

/** Words that may stay lower case inside a Title Case label ("Find or Create", "Logged In"). */
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into nor of on or per the to via vs with'.split(' '),
);

/** D023's examples: a date, or a date-time with a time zone (`Z`, `-0500`, `+02:00`). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Strings that look like a date or a date-time, whatever their key is called. */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2})?/;

/** Keys that name a time: a number there is an epoch timestamp (BG "Response content"). */
const TIME_KEY = /(At|_at|Date|_date|^date|time|Time|timestamp|Timestamp|^ts)$/;

/** Input fields that take an ID (D004 and BG "XXX ID fields"). */
const ID_KEY = /(^id|_id|_uuid|^uuid)$/;
const ID_LABEL = /\bID\b/;

/** Secrets that belong in authentication only (D001). */
const SECRET_FIELD = /api[ _-]?key|access[ _-]?token|secret|password/i;

/** D025: script-carrying URI schemes. */
const DANGEROUS_URI = /(^|[\s("'[<])(javascript|vbscript|data):/i;

export function checkPublishingRules(app: AppDefinition, options: RuleOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (rule, where, problem) => findings.push({ rule, where, problem });

  checkAuthentication(app, report);
  for (const [kind, definitions] of operationGroups(app)) {
    for (const [key, definition] of Object.entries(definitions ?? {})) {
      const where = `${kind}.${key}`;
      if (definition.key !== key)
        report('BG-keys', where, `key "${definition.key}" differs from its registry key`);
      checkOperation(app, kind, where, definition, report, options);
    }
  }
  checkSearchOrCreates(app, report);
  checkStaticWebhooks(app, report);
  checkStrings(app, report);
  return findings;
}

function operationGroups(app: AppDefinition): [string, Record<string, Definition> | undefined][] {
  return [
    ['triggers', app.triggers],
    ['creates', app.creates],
    ['searches', app.searches],
  ];
}

function checkAuthentication(app: AppDefinition, report: Report) {
  for (const field of app.authentication?.fields ?? []) {
    const where = `authentication.fields.${field.key}`;
    // D002: "Provide Link in Help Text for Auth Fields", as a Markdown link.
    if (!/\[[^\]]+\]\(https:\/\/[^)\s]+\)/.test(field.helpText ?? '')) {
      report('D002', where, 'help text must link (Markdown) to where the value is found');
    }
    // D026: a user-typed domain needs manual validation before it reaches a URL.
    if (field.inputFormat || /domain|subdomain|url/i.test(field.key)) {
      report('D026', where, 'a domain field needs manual validation (e.g. /^[a-z0-9-]+$/)');
    }
  }
  // D003: "Connection Label Should Be Set", from the test call's data, never a secret.
  const label = app.authentication?.connectionLabel;
  if (typeof label === 'string') {
    const variables = [...label.matchAll(/{{\s*([^}]+?)\s*}}/g)].map((match) => match[1] ?? '');
    if (variables.length === 0) {
      report('D003', 'authentication.connectionLabel', 'must name the account with a {{variable}}');
    }
    for (const variable of variables) {
      if (
        !/^(bundle\.inputData\.)?[A-Za-z_][\w.]*$/.test(variable) ||
        SECRET_FIELD.test(variable)
      ) {
        report('D003', 'authentication.connectionLabel', `invalid or secret "${variable}"`);
      }
    }
  } else if (typeof label !== 'function') {
    report('D003', 'authentication.connectionLabel', 'a connection label is required');
  }
}

function checkOperation(
  app: AppDefinition,
  kind: string,
  where: string,
  definition: Definition,
  report: Report,
  options: RuleOptions,
) {
  const { display = {}, operation = {} } = definition;
  const hidden = display.hidden === true;
  if (!definition.noun) report('BG-noun', where, 'a noun is required');
  if (!hidden) {
    checkLabel(where, display.label, report);
    checkDescription(kind, where, display.description, report, options.appName);
    // D012: "Static Sample Is Required".
    if (!isRecord(operation.sample) || Object.keys(operation.sample).length === 0) {
      report('D012', where, 'a static sample is required');
    }
  }
  if (operation.type === 'hook' && typeof operation.performList !== 'function') {
    report('D006', where, 'a REST hook trigger needs performList');
  }
  if (isRecord(operation.sample)) checkSample(kind, where, operation, report);
  const fields = staticFields(operation.inputFields);
  if (kind === 'searches' && !fields.some((field) => field.type !== 'copy')) {
    report('D009', where, 'a search needs at least one field to search by');
  }
  if (kind === 'creates' && !hidden && fields.length === 0 && operation.inputFields?.length) {
    report('D022', where, 'give the action static input fields, not only dynamic ones');
  }
  checkFieldOrder(where, fields, report);
  for (const field of fields) {
    checkInputField(app, kind, `${where}.inputFields.${field.key}`, field, report, options);
  }
}

function checkLabel(where: string, label: string | undefined, report: Report) {
  if (!label) return report('D018', where, 'a label is required');
  if (!isTitleCase(label)) report('D018', where, `label "${label}" is not in Title Case`);
}

export function isTitleCase(label: string): boolean {
  return label.split(/\s+/).every((word, index) => {
    const letters = word.replace(/^[^A-Za-z]+/, '');
    if (!letters) return true;
    if (index > 0 && SMALL_WORDS.has(letters.toLowerCase())) return true;
    return /^[A-Z0-9]/.test(letters);
  });
}

function checkDescription(
  kind: string,
  where: string,
  description: string | undefined,
  report: Report,
  appName: string | undefined,
) {
  if (!description) return report('BG-description', where, 'a description is required');
  if (!isSentence(description)) {
    report('BG-description', where, `"${description}" is not a sentence ending in a full stop`);
  }
  // D021: "Trigger descriptions must start with `Triggers when ` and end with a `.`."
  if (kind === 'triggers' && !/^Triggers when .*\.$/s.test(description)) {
    report('D021', where, 'trigger descriptions start with "Triggers when " and end with "."');
  }
  // BG "Descriptions": actions start with a verb in the third person, searches with "Finds".
  if (kind === 'creates' && !/^[A-Z][a-z]+s\b/.test(description)) {
    report('BG-description', where, 'action descriptions start with a verb: "Creates …"');
  }
  if (kind === 'searches' && !/^Finds\b/.test(description)) {
    report('BG-description', where, 'search descriptions start with "Finds"');
  }
  // BG: "Do not include the name of your integration".
  if (appName && description.includes(appName)) {
    report('BG-description', where, `the description names the integration (${appName})`);
  }
}

function isSentence(text: string): boolean {
  const trimmed = text.trim();
  return /^[A-Z]/.test(trimmed) && /[.!?]\)?$/.test(trimmed) && trimmed.split(/\s+/).length >= 3;
}

/** BG "Fields": required fields first. */
function checkFieldOrder(where: string, fields: Field[], report: Report) {
  const shown = fields.filter((field) => field.type !== 'copy' && !field.computed);
  const firstOptional = shown.findIndex((field) => !field.required);
  if (firstOptional < 0) return;
  for (const field of shown.slice(firstOptional)) {
    if (field.required) {
      report('BG-fields', `${where}.inputFields.${field.key}`, 'required fields come first');
    }
  }
}

function checkSample(kind: string, where: string, operation: Operation, report: Report) {
  const sample = operation.sample as Record<string, unknown>;
  const outputFields = staticOutputFields(operation.outputFields);
  // D010: the primary key (`id`, or every `primary` output field) in a static sample.
  // "Hooks are not deduped, so they're not required to have a primary key."
  if (kind === 'triggers' && operation.type !== 'hook') {
    for (const key of primaryKeys(outputFields)) {
      if (!(key in sample)) report('D010', where, `the sample lacks the primary key "${key}"`);
    }
  }
  checkDates('D023', `${where}.sample`, sample, report);
  checkAgainstOutputFields('D024', where, sample, outputFields, report);
  const dynamic = (operation.outputFields ?? []).some((field) => typeof field === 'function');
  checkOutputFieldLabels(where, sample, outputFields, dynamic, report);
}

function primaryKeys(outputFields: OutputField[]): string[] {
  const primary = outputFields.filter((field) => field.primary).map((field) => field.key);
  return primary.length ? primary : ['id'];
}

/** D023 / T003: ISO-8601 dates with a time zone; BG: no epoch timestamps. */
function checkDates(rule: string, where: string, item: Record<string, unknown>, report: Report) {
  for (const [key, value] of Object.entries(flatten(item))) {
    if (typeof value === 'string' && DATE_LIKE.test(value) && !ISO_8601.test(value)) {
      report(rule, `${where}.${key}`, `"${value}" is not ISO 8601 with a time zone`);
    }
    const leaf = key.split(/__|\[\]/).pop() ?? key;
    if (typeof value === 'number' && TIME_KEY.test(leaf)) {
      report('BG-dates', `${where}.${key}`, `${value} is an epoch timestamp: give ISO 8601`);
    }
  }
}

/**
 * D024 / T005 / Z001: "required" output fields are present and every value matches its
 * field's `type`.
 */
function checkAgainstOutputFields(
  rule: string,
  where: string,
  item: Record<string, unknown>,
  outputFields: OutputField[],
  report: Report,
) {
  const flat = flatten(item);
  for (const field of outputFields) {
    const present = field.key in flat;
    if (field.required && (!present || flat[field.key] === null)) {
      report(rule, where, `required output field "${field.key}" is missing`);
    }
    if (present && !matchesType(flat[field.key], field)) {
      report(rule, where, `"${field.key}" is not of type ${field.type ?? 'string'}`);
    }
  }
}

function matchesType(value: unknown, field: OutputField): boolean {
  if (value === null || value === undefined) return true;
  if (field.list && Array.isArray(value))
    return value.every((item) => matchesType(item, { ...field, list: false }));
  switch (field.type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return typeof value === 'string' && ISO_8601.test(value);
    case 'string':
      return typeof value === 'string';
    default:
      return true;
  }
}

/**
 * BG "Output fields": every top-level key of the sample is labelled (so ids are named by what
 * they are), every labelled key exists, and no value appears twice under two spellings of one
 * key (`conversationHref` beside `conversation__href`).
 */
function checkOutputFieldLabels(
  where: string,
  sample: Record<string, unknown>,
  outputFields: OutputField[],
  dynamic: boolean,
  report: Report,
) {
  if (!outputFields.length) return;
  const sampleKeys = Object.keys(flatten(sample));
  const fieldKeys = outputFields.map((field) => field.key);
  // A nested field (`messageLocation__coordinates__x`) may sit under a key that is null here.
  for (const key of fieldKeys.filter((field) => !(topKey(field) in sample))) {
    report('BG-output', where, `output field "${key}" is not in the sample`);
  }
  const labelled = (key: string) =>
    fieldKeys.some(
      (field) => field === key || field.startsWith(`${key}__`) || field.startsWith(`${key}[]`),
    );
  // Output fields from a function depend on the step's input: they cannot be judged here.
  for (const key of dynamic ? [] : Object.keys(sample)) {
    if (!labelled(key)) report('BG-output', where, `sample key "${key}" has no output field`);
  }
  for (const field of outputFields) {
    if (!field.label)
      report('BG-output', `${where}.outputFields.${field.key}`, 'a label is required');
  }
  const flat = flatten(sample);
  const seen = new Map<string, string>();
  for (const key of sampleKeys) {
    const spelling = `${key.toLowerCase().replace(/[^a-z0-9[\]]/g, '')}=${JSON.stringify(flat[key])}`;
    const other = seen.get(spelling);
    if (other !== undefined) report('BG-output', where, `"${key}" duplicates "${other}"`);
    else seen.set(spelling, key);
  }
}

/** The sample key a flattened output key lives under: `contact` for `contact__name`. */
function topKey(flatKey: string): string {
  return flatKey.split(/__|\[\]/)[0] ?? flatKey;
}

function checkInputField(
  app: AppDefinition,
  kind: string,
  where: string,
  field: Field,
  report: Report,
  options: RuleOptions,
) {
  if (field.computed) return;
  for (const child of field.children ?? []) {
    checkInputField(app, kind, `${where}.${child.key}`, child, report, options);
  }
  // D001: "Asks for API Key in Action Instead of in Auth".
  if (
    field.type === 'password' ||
    SECRET_FIELD.test(field.key) ||
    SECRET_FIELD.test(field.label ?? '')
  ) {
    report('D001', where, 'credentials belong in authentication, not in a step');
  }
  if (field.type === 'copy') return checkHelpText(where, field, report);
  if (!field.label) report('BG-fields', where, 'a label is required');
  else if (!isTitleCase(field.label))
    report('D018', where, `label "${field.label}" is not in Title Case`);
  checkHelpText(where, field, report);
  const takesId = ID_KEY.test(field.key) || ID_LABEL.test(field.label ?? '');
  const excused = options.idFieldsWithoutDropdown?.includes(where) ?? false;
  // D004: "ID Fields Should Have Dynamic Dropdowns" (a search alone is not one: see D014).
  if (takesId && !field.dynamic && !excused) {
    report('D004', where, 'an ID field needs a dynamic dropdown');
  }
  // BG "XXX ID fields": "should not have input fields labeled 'XXX ID'".
  if (ID_LABEL.test(field.label ?? '')) {
    report('BG-id-label', where, `label "${field.label}" asks for an ID: name what it is`);
  }
  if (field.dynamic) checkDynamic(app, where, field.dynamic, report);
  if (field.search) checkSearchConnector(app, where, field, report);
}

function checkHelpText(where: string, field: Field, report: Report) {
  const help = field.helpText;
  if (!help) return report('BG-fields', where, 'help text is required');
  if (!isSentence(help)) report('BG-fields', where, 'help text must be full sentences');
  // D011: "If the label and help text are the same, they are considered redundant."
  if (field.label && normalise(help) === normalise(field.label)) {
    report('D011', where, 'help text repeats the label');
  }
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** D005: "Dynamic Dropdown Connects to a Non-Existing Trigger"; format `trigger.id.label`. */
function checkDynamic(app: AppDefinition, where: string, dynamic: string, report: Report) {
  const [triggerKey, idKey] = dynamic.split('.');
  if (!triggerKey || !idKey || !app.triggers?.[triggerKey]) {
    report('D005', where, `dropdown "${dynamic}" does not name a trigger of this app`);
  }
}

/**
 * D013: "Connects to a Non-Existing Search"; D014: "Has a Search Connector, but No Dynamic
 * Dropdown" (the "Add a Search Step" button needs both).
 */
function checkSearchConnector(app: AppDefinition, where: string, field: Field, report: Report) {
  const [searchKey, idKey] = (field.search ?? '').split('.');
  if (!searchKey || !idKey || !app.searches?.[searchKey]) {
    report('D013', where, `search "${field.search}" is not a search of this app`);
  }
  if (!field.dynamic) report('D014', where, 'a search connector needs a dynamic dropdown too');
}

/** D015: "Search-Or-Create Connects to a Non-Existing Action/Search". */
function checkSearchOrCreates(app: AppDefinition, report: Report) {
  for (const [key, pair] of Object.entries(app.searchOrCreates ?? {})) {
    const where = `searchOrCreates.${key}`;
    if (pair.key !== pair.search || key !== pair.search) {
      report('D015', where, 'its key must equal the search key');
    }
    if (!app.searches?.[pair.search]) report('D015', where, `no search "${pair.search}"`);
    if (!app.creates?.[pair.create]) report('D015', where, `no create "${pair.create}"`);
    if (pair.update && !app.creates?.[pair.update])
      report('D015', where, `no create "${pair.update}"`);
    if (pair.display?.label) checkLabel(where, pair.display.label, report);
  }
}

/**
 * D016: "Consists Only a Static Webhook"; D017: "Static Hook Is Discouraged". A hook trigger
 * without performSubscribe/performUnsubscribe is a static webhook.
 */
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

/**
 * Every string of the definition: D007 "All URLs Should Be HTTPS", D025 "URLs Should Not Be
 * Dangerous URIs", and D008 "Invalid Markdown Link" in descriptions and help text ("Any link
 * used in plain text needs to either be a proper link or in backticks").
 */
function checkStrings(app: AppDefinition, report: Report) {
  const visit = (value: unknown, path: string, key: string) => {
    if (typeof value === 'string') {
      if (/http:\/\//.test(value)) report('D007', path, 'URLs must use HTTPS');
      if (DANGEROUS_URI.test(value)) report('D025', path, 'a dangerous URI scheme');
      if ((key === 'description' || key === 'helpText') && hasBareLink(value)) {
        report('D008', path, 'a bare link: write [text](url) or put it in backticks');
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

/** A URL that is neither the target of a Markdown link nor inside backticks. */
export function hasBareLink(text: string): boolean {
  const withoutCode = text.replace(/`[^`]*`/g, '');
  const withoutLinks = withoutCode.replace(/\]\([^)]*\)/g, ']');
  return /\bhttps?:\/\/[\w-]+\.[\w.-]+|\bwww\.[\w-]+\.\w/i.test(withoutLinks);
}

/**
 * What the app returns for a real payload (Zap History in Zapier's terms), judged like a live
 * run: T002 primary keys in polling results, T003 ISO-8601 dates, T004 the static sample's keys
 * are a subset of the live keys, T005/Z001 the output field definitions, T006 the polling
 * sample's keys are a subset of the live (hook) keys.
 */
export function checkLiveResults(
  where: string,
  definition: Definition,
  live: { perform: Record<string, unknown>[]; performList?: Record<string, unknown>[] },
): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (rule, at, problem) => findings.push({ rule, where: at, problem });
  const { operation = {} } = definition;
  const outputFields = staticOutputFields(operation.outputFields);
  const liveKeys = new Set(live.perform.flatMap((item) => Object.keys(flatten(item))));
  if (!live.perform.length) report('T001', where, 'no live result to judge');
  for (const item of live.perform) {
    checkDates('T003', `${where}.live`, item, report);
    checkAgainstOutputFields('T005', where, item, outputFields, report);
  }
  if (isRecord(operation.sample) && live.perform.length) {
    // A key null in one and nested in the other is the same key (`messageLocation`).
    const inLive = (key: string) =>
      liveKeys.has(key) || [...liveKeys].some((live) => topKey(live) === topKey(key));
    for (const key of Object.keys(flatten(operation.sample))) {
      if (!inLive(key)) report('T004', where, `sample key "${key}" is not in the live result`);
    }
  }
  for (const item of live.performList ?? []) {
    if (operation.type !== 'hook') {
      for (const key of primaryKeys(outputFields)) {
        if (!(key in item)) report('T002', where, `a polling result lacks "${key}"`);
      }
    }
    checkAgainstOutputFields('Z001', where, item, outputFields, report);
    for (const key of Object.keys(flatten(item))) {
      if (!liveKeys.has(key))
        report('T006', where, `polling key "${key}" is not in the live result`);
    }
  }
  return findings;
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
