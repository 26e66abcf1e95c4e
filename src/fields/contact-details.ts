import type { PlainInputField } from 'zapier-platform-core';
import { asText, InputError } from '../input-error';
import { isObject } from '../outputs/values';
import { optionalText } from './values';

const MAX_NOTE_LENGTH = 1000;

/** The editable parts of a contact: shared by Create Contact and Update Contact. */
export const contactDetailFields: PlainInputField[] = [
  {
    key: 'tags',
    label: 'Tags',
    list: true,
    required: false,
    helpText:
      'Tags to put on the contact. Each tag must already exist in Callbell under [Settings → Tags](https://dash.callbell.eu/settings/tags); case does not matter.',
  },
  {
    key: 'custom_fields',
    label: 'Custom Fields',
    dict: true,
    required: false,
    helpText:
      'Custom field name → value, e.g. `Order Number` → `1001`. Each field must already exist under [Settings → Custom fields](https://dash.callbell.eu/settings/custom_fields). Dates as YYYY-MM-DD, numbers as digits, dropdowns as one of their options.',
  },
  {
    key: 'note',
    label: 'Contact Note',
    type: 'text',
    required: false,
    helpText: 'A note on the contact, up to 1000 characters.',
  },
];

export interface ContactDetails {
  tags?: string[];
  custom_fields?: Record<string, string>;
  note?: string;
}

export function readContactDetails(input: Record<string, unknown>): ContactDetails {
  return {
    tags: readTags(input.tags),
    custom_fields: readCustomFields(input.custom_fields),
    note: readNote(input.note, 'Contact Note'),
  };
}

/** Tags from a list field, where a mapped value may itself be "vip, lead". */
export function readTags(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const tags = items
    .flatMap((item) => (asText(item) ?? '').split(','))
    .map((tag) => tag.trim())
    .filter(Boolean);
  // Callbell's tags ignore case: keep the first spelling of each.
  const unique = tags.filter(
    (tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index,
  );
  return unique.length ? unique : undefined;
}

export function readCustomFields(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isObject(value)) {
    throw new InputError('Custom Fields', 'must be field name → value pairs (one per row).');
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
