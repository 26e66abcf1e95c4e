import type { Bundle, PlainInputField } from 'zapier-platform-core';
import { InputError } from '../input-error';
import { asText, isObject, optionalText, quote } from '../values';

/**
 * The contact's `note` is "up to 1000 characters" (object_types/contact.md,
 * contacts_api/post_contacts.md, contacts_api/patch_contacts.md, release note 2026-07-01).
 */
const MAX_NOTE_LENGTH = 1000;

/** The editable parts of a contact: shared by Create Contact and Update Contact. */
export const contactDetailFields: PlainInputField[] = [
  {
    key: 'tags',
    label: 'Tags',
    list: true,
    helpText:
      'Tags to put on the contact. Each tag must already exist in Callbell under [Settings → Tags](https://dash.callbell.eu/settings/tags); case does not matter.',
  },
  {
    key: 'custom_fields',
    label: 'Custom Fields',
    dict: true,
    helpText:
      'Custom field name → value, e.g. `Order Number` → `1001`. Each field must already exist under [Settings → Custom fields](https://dash.callbell.eu/settings/custom_fields). Dates as YYYY-MM-DD, numbers as digits, dropdowns as one of their options. Checkbox fields go in Checkbox Custom Field below.',
  },
  {
    key: 'checkbox_field',
    label: 'Checkbox Custom Field',
    helpText:
      'A custom field of the checkbox kind, which holds several options, e.g. `Interests`. Its options go in Options to Tick.',
  },
  {
    key: 'checkbox_options',
    label: 'Options to Tick',
    list: true,
    helpText: 'Each must be an option of the Checkbox Custom Field, e.g. `Shoes` and `Bags`.',
  },
  {
    key: 'note',
    label: 'Contact Note',
    type: 'text',
    helpText: 'Up to 1000 characters.',
  },
];

const CHECKBOX_FIELDS_LABEL = 'Checkbox Custom Fields';

/**
 * Before Checkbox Custom Field and Options to Tick, a checkbox field's options were typed
 * "separated by commas" in one text (build guidelines, "Field types": use the List property
 * instead). Zaps set up then still hold that value: the field is shown to them only, and read.
 */
export function legacyCheckboxFields(
  _z: unknown,
  bundle: Pick<Bundle, 'inputData'>,
): PlainInputField[] {
  if (bundle.inputData.checkbox_custom_fields === undefined) return [];
  return [
    {
      key: 'checkbox_custom_fields',
      label: CHECKBOX_FIELDS_LABEL,
      dict: true,
      helpText:
        'Kept for this Zap: field name → the options to tick, separated by commas. New steps use Checkbox Custom Field and Options to Tick.',
    },
  ];
}

export type CustomFieldValue = string | string[];

export interface ContactDetails {
  tags?: string[];
  custom_fields?: Record<string, CustomFieldValue>;
  note?: string;
}

export function readContactDetails(input: Record<string, unknown>): ContactDetails {
  return {
    tags: readTags(input.tags),
    custom_fields: mergeCustomFields(
      readCustomFields(input.custom_fields, 'Custom Fields'),
      readCheckboxFields(input.checkbox_custom_fields),
      readCheckboxOptions(input.checkbox_field, input.checkbox_options),
    ),
    note: readNote(input.note, 'Contact Note'),
  };
}

/**
 * Callbell takes a checkbox field's value as the list of ticked options (contacts_api/
 * post_contacts.md: "checkbox (array of its options)"). Each option is taken whole: an option
 * may hold a comma.
 */
function readCheckboxOptions(
  field: unknown,
  options: unknown,
): Record<string, string[]> | undefined {
  const name = optionalText(field);
  const ticked = (Array.isArray(options) ? options : [options])
    .map((option) => optionalText(option))
    .filter((option): option is string => option !== undefined);
  if (!name && !ticked.length) return undefined;
  if (!name) {
    throw new InputError(
      'Checkbox Custom Field',
      'name the checkbox field whose Options to Tick these are.',
    );
  }
  if (!ticked.length) {
    throw new InputError('Options to Tick', `choose at least one option of ${quote(name)}.`);
  }
  return { [name]: ticked };
}

/** The comma-separated options of Zaps made before Options to Tick (legacyCheckboxFields). */
function readCheckboxFields(value: unknown): Record<string, string[]> | undefined {
  const fields = readCustomFields(value, CHECKBOX_FIELDS_LABEL);
  if (!fields) return undefined;
  return Object.fromEntries(
    Object.entries(fields).map(([name, options]) => [name, readTags(options) ?? []]),
  );
}

function mergeCustomFields(
  ...parts: (Record<string, CustomFieldValue> | undefined)[]
): Record<string, CustomFieldValue> | undefined {
  const merged = parts.reduce<Record<string, CustomFieldValue>>(
    (all, part) => ({ ...all, ...part }),
    {},
  );
  return Object.keys(merged).length ? merged : undefined;
}

/** Tags from a list field, where a mapped value may itself be "vip, lead". */
export function readTags(value: unknown): string[] | undefined {
  // asText reads null, undefined and objects as no text, so they give no tag.
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const tags = items
    .flatMap((item) => (asText(item) ?? '').split(','))
    .map((tag) => tag.trim())
    .filter(Boolean);
  // Callbell's tags ignore case: keep the first spelling of each (one pass, however many).
  const seen = new Set<string>();
  const unique = tags.filter((tag) => {
    // Stryker disable next-line MethodExpression: upper or lower, two spellings that differ only in case meet alike.
    const key = tag.toLowerCase();
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return unique.length ? unique : undefined;
}

export function readCustomFields(
  value: unknown,
  fieldLabel: string,
): Record<string, string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isObject(value)) {
    throw new InputError(fieldLabel, 'must be field name → value pairs (one per row).');
  }
  const fields = Object.fromEntries(
    Object.entries(value)
      .map(([key, fieldValue]) => [key.trim(), (asText(fieldValue) ?? '').trim()] as const)
      .filter(([key, fieldValue]) => key && fieldValue),
  );
  return Object.keys(fields).length ? fields : undefined;
}

export function readNote(value: unknown, fieldLabel: string): string | undefined {
  const note = optionalText(value);
  if (note && note.length > MAX_NOTE_LENGTH) {
    throw new InputError(
      fieldLabel,
      `is ${note.length} characters; Callbell accepts at most ${MAX_NOTE_LENGTH}. Shorten it, e.g. with a Formatter step.`,
    );
  }
  return note;
}
