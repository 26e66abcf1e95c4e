/**
 * Zapier's publishing checks that can be judged offline, applied to the whole app definition.
 * Zapier runs these on its servers at `validate`/`push`; running them here means no operation
 * can land without meeting them. Each finding names the rule, the place and what is wrong.
 */
export interface Finding {
  rule: string;
  where: string;
  problem: string;
}

interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  dynamic?: string;
  search?: string;
  computed?: boolean;
  children?: Field[];
}

interface OutputField {
  key: string;
  label?: string;
  primary?: boolean;
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
  cleanInputData?: boolean;
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
  flags?: { cleanInputData?: boolean };
  triggers?: Record<string, Definition>;
  creates?: Record<string, Definition>;
  searches?: Record<string, Definition>;
  searchOrCreates?: Record<string, { key: string; search: string; create: string }>;
}

/** Words that may stay lower case inside a Title Case label ("Find or Create", "Logged In"). */
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into nor of on or per the to via vs with'.split(' '),
);

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const DATE_KEY = /(At|_at|Date|_date|^date|deleted|Deleted)$/;

const ID_KEY = /(^id|_id|_uuid|^uuid)$/;

export function checkPublishingRules(
  app: AppDefinition,
  options: { idFieldsWithoutDropdown?: string[] } = {},
): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: string, where: string, problem: string) =>
    findings.push({ rule, where, problem });

  checkAuthentication(app, report);
  if (typeof app.flags?.cleanInputData !== 'boolean') {
    report('D028', 'flags', 'cleanInputData must be set explicitly (true or false)');
  }
  for (const [kind, definitions] of operationGroups(app)) {
    for (const [key, definition] of Object.entries(definitions ?? {})) {
      const where = `${kind}.${key}`;
      if (definition.key !== key)
        report('keys', where, `key "${definition.key}" differs from its registry key`);
      checkOperation(app, kind, where, definition, report, options.idFieldsWithoutDropdown ?? []);
    }
  }
  for (const [key, pair] of Object.entries(app.searchOrCreates ?? {})) {
    if (pair.key !== pair.search || key !== pair.search) {
      report('search-or-create', `searchOrCreates.${key}`, 'its key must equal the search key');
    }
    if (!app.searches?.[pair.search]) report('search-or-create', key, `no search "${pair.search}"`);
    if (!app.creates?.[pair.create]) report('search-or-create', key, `no create "${pair.create}"`);
  }
  checkHttpsEverywhere(app, report);
  return findings;
}

type Report = (rule: string, where: string, problem: string) => void;

function operationGroups(app: AppDefinition): [string, Record<string, Definition> | undefined][] {
  return [
    ['triggers', app.triggers],
    ['creates', app.creates],
    ['searches', app.searches],
  ];
}

function checkAuthentication(app: AppDefinition, report: Report) {
  for (const field of app.authentication?.fields ?? []) {
    if (!/\]\(https:\/\/[^)]+\)|https:\/\/\S+/.test(field.helpText ?? '')) {
      report(
        'D002',
        `authentication.fields.${field.key}`,
        'help text must link to where the value is found',
      );
    }
  }
  const label = app.authentication?.connectionLabel;
  if (typeof label === 'string') {
    const variables = [...label.matchAll(/{{\s*([^}]+?)\s*}}/g)].map((match) => match[1] ?? '');
    if (!label.trim() || variables.length === 0) {
      report(
        'D003',
        'authentication.connectionLabel',
        'must name the account with at least one {{variable}}',
      );
    }
    for (const variable of variables) {
      if (
        !/^(bundle\.inputData\.)?[A-Za-z_][\w.]*$/.test(variable) ||
        /authData|api_key/.test(variable)
      ) {
        report(
          'D003',
          'authentication.connectionLabel',
          `invalid or secret variable "${variable}"`,
        );
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
  idFieldsWithoutDropdown: string[],
) {
  const { display = {}, operation = {} } = definition;
  const hidden = display.hidden === true;
  if (!definition.noun) report('noun', where, 'a noun is required');
  if (!hidden) {
    checkLabel(where, display.label, report);
    checkDescription(kind, where, display.description, report);
    if (!isRecord(operation.sample) || Object.keys(operation.sample).length === 0) {
      report('D012', where, 'a static sample is required');
    }
  }
  if (operation.type === 'hook' && typeof operation.performList !== 'function') {
    report('D006', where, 'REST hook triggers need performList');
  }
  if (operation.type === 'hook' && (!operation.performSubscribe || !operation.performUnsubscribe)) {
    report('D006', where, 'REST hook triggers need performSubscribe and performUnsubscribe');
  }
  if (isRecord(operation.sample)) {
    checkSample(kind, where, operation, report);
  }
  for (const field of staticFields(operation.inputFields)) {
    checkInputField(
      app,
      `${where}.inputFields.${field.key}`,
      field,
      report,
      idFieldsWithoutDropdown,
    );
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
) {
  if (!description) return report('description', where, 'a description is required');
  if (!isSentence(description)) {
    report(
      'description',
      where,
      `"${description}" is not a full sentence (capital letter … full stop)`,
    );
  }
  if (kind === 'triggers' && !/^Triggers when /.test(description)) {
    report('D021', where, 'trigger descriptions start with "Triggers when "');
  }
}

function isSentence(text: string): boolean {
  return (
    /^[A-Z]/.test(text.trim()) &&
    /[.!?]\)?$/.test(text.trim()) &&
    text.trim().split(/\s+/).length >= 3
  );
}

function checkSample(kind: string, where: string, operation: Operation, report: Report) {
  const sample = operation.sample as Record<string, unknown>;
  const outputFields = staticOutputFields(operation.outputFields);
  const primaryKeys = outputFields.filter((field) => field.primary).map((field) => field.key);
  const required = primaryKeys.length ? primaryKeys : kind === 'triggers' ? ['id'] : [];
  for (const key of required) {
    if (!(key in sample)) report('D010', where, `the sample lacks the primary key "${key}"`);
  }
  for (const [key, value] of Object.entries(flatten(sample))) {
    if (typeof value === 'string' && DATE_KEY.test(key) && !ISO_8601.test(value)) {
      report('D023', `${where}.sample.${key}`, `"${value}" is not an ISO-8601 date`);
    }
  }
  if (outputFields.length) {
    const sampleKeys = new Set(Object.keys(flatten(sample)));
    const fieldKeys = outputFields.map((field) => field.key);
    for (const key of fieldKeys) {
      if (!sampleKeys.has(key))
        report('D024', where, `output field "${key}" is missing from the sample`);
    }
    const labelled = (key: string) =>
      fieldKeys.some(
        (field) => field === key || field.startsWith(`${key}__`) || field.startsWith(`${key}[]`),
      );
    for (const key of Object.keys(sample)) {
      if (!labelled(key)) report('D024', where, `sample key "${key}" has no output field`);
    }
    for (const field of outputFields) {
      if (!field.label)
        report('output-label', `${where}.outputFields.${field.key}`, 'a label is required');
    }
  }
}

function checkInputField(
  app: AppDefinition,
  where: string,
  field: Field,
  report: Report,
  idFieldsWithoutDropdown: string[],
) {
  if (field.computed) return;
  for (const child of field.children ?? [])
    checkInputField(app, `${where}.${child.key}`, child, report, idFieldsWithoutDropdown);
  if (!field.label) report('field-label', where, 'a label is required');
  else if (!isTitleCase(field.label))
    report('D018', where, `label "${field.label}" is not in Title Case`);
  if (!field.helpText) report('field-help', where, 'help text is required');
  else if (!isSentence(field.helpText))
    report('field-help', where, 'help text must be full sentences');
  if (
    ID_KEY.test(field.key) &&
    !field.dynamic &&
    !field.search &&
    !idFieldsWithoutDropdown.includes(where)
  ) {
    report('D004', where, 'id fields need a dynamic dropdown or search');
  }
  if (field.dynamic) checkDynamicReference(app, where, field.dynamic, report);
}

function checkDynamicReference(app: AppDefinition, where: string, dynamic: string, report: Report) {
  const [triggerKey] = dynamic.split('.');
  if (!triggerKey || !app.triggers?.[triggerKey]) {
    report('dynamic', where, `dropdown source "${dynamic}" is not a trigger of this app`);
  }
}

function checkHttpsEverywhere(app: AppDefinition, report: Report) {
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string' && /http:\/\//.test(value)) {
      report('D007', path, 'URLs must use HTTPS');
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
    } else if (isRecord(value)) {
      for (const [key, nested] of Object.entries(value))
        visit(nested, path ? `${path}.${key}` : key);
    }
  };
  visit(app, '');
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
