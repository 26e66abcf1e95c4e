import { shorten } from '../user-message';
import { isObject } from '../values';

/**
 * Callbell does not document its error body: it may be JSON carrying `error`, `errors` or
 * `message` (strings, lists, or field → messages maps), plain text, HTML or nothing.
 * This reads any of them into one sentence and the field names it mentions.
 *
 * The reading is bounded whatever the body: nesting below 8 levels, more than 20 parts and
 * more than 5 field names are left out. Everything is redacted before it is shortened, so a
 * secret cannot survive in halves.
 */
export interface ErrorDetail {
  message: string;
  fields: string[];
}

const MAX_DETAIL_LENGTH = 500;
const MAX_DEPTH = 8;
const MAX_PARTS = 20;
const MAX_FIELDS = 5;
const MAX_FIELD_LENGTH = 40;

type Redact = (text: string) => string;

export function readErrorBody(
  content: string | undefined | null,
  redact: Redact = (text) => text,
): ErrorDetail {
  const text = (content ?? '').trim();
  const parsed = parseJson(text);
  const detail =
    parsed === undefined ? { message: plainText(text), fields: [] } : detailFromJson(parsed);
  return {
    message: shorten(redact(detail.message), MAX_DETAIL_LENGTH),
    fields: unique(detail.fields.map(redact))
      .slice(0, MAX_FIELDS)
      .map((field) => shorten(field, MAX_FIELD_LENGTH)),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
    // Stryker disable next-line BlockStatement: an empty catch block returns undefined as well.
  } catch {
    return undefined;
  }
}

/** HTML error pages (proxies, gateways) carry no message worth showing. */
function plainText(text: string): string {
  if (isHtml(text)) return '';
  return text.replace(/\s+/g, ' ');
}

export function isHtml(text: string): boolean {
  return /^\s*<(!doctype|html|\?xml)/i.test(text);
}

function detailFromJson(body: unknown): ErrorDetail {
  if (typeof body === 'string') return { message: body, fields: [] };
  if (!isObject(body)) return { message: '', fields: [] };
  const fields: string[] = [];
  const parts = ['error', 'errors', 'message', 'detail']
    .map((key) => describeValue(body[key], fields, undefined, 0))
    .filter((part) => part.length > 0);
  return { message: unique(parts).join('; '), fields };
}

function describeValue(
  value: unknown,
  fields: string[],
  field: string | undefined,
  depth: number,
): string {
  if (depth > MAX_DEPTH) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value).trim();
    if (field) fields.push(field);
    return field && text ? `${field} ${text}` : text;
  }
  if (Array.isArray(value)) {
    return value
      .slice(0, MAX_PARTS)
      .map((item) => describeValue(item, fields, field, depth + 1))
      .filter(Boolean)
      .join('; ');
  }
  return isObject(value) ? describeRecord(value, fields, field, depth) : '';
}

function describeRecord(
  value: Record<string, unknown>,
  fields: string[],
  field: string | undefined,
  depth: number,
): string {
  const named = value.field ?? value.param ?? value.attribute;
  const text = value.message ?? value.error ?? value.detail ?? value.description;
  if (typeof text === 'string') {
    const name = typeof named === 'string' ? named : field;
    if (name) fields.push(name);
    return name ? `${name}: ${text}` : text;
  }
  return Object.entries(value)
    .slice(0, MAX_PARTS)
    .map(([key, nested]) =>
      describeValue(nested, fields, field ? `${field}.${key}` : key, depth + 1),
    )
    .filter(Boolean)
    .join('; ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
