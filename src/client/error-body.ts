import { isObject } from '../values';

/**
 * Callbell does not document its error body: it may be JSON carrying `error`, `errors` or
 * `message` (strings, lists, or field → messages maps), plain text, HTML or nothing.
 * This reads any of them into one sentence and the field names it mentions.
 */
export interface ErrorDetail {
  message: string;
  fields: string[];
}

const MAX_DETAIL_LENGTH = 500;

export function readErrorBody(content: string | undefined | null): ErrorDetail {
  const text = (content ?? '').trim();
  if (!text) return { message: '', fields: [] };
  const parsed = parseJson(text);
  if (parsed === undefined) return { message: plainText(text), fields: [] };
  return detailFromJson(parsed);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** HTML error pages (proxies, gateways) carry no message worth showing. */
function plainText(text: string): string {
  if (/^<(!doctype|html|\?xml)/i.test(text)) return '';
  return truncate(text.replace(/\s+/g, ' '));
}

function detailFromJson(body: unknown): ErrorDetail {
  if (typeof body === 'string') return { message: truncate(body), fields: [] };
  if (!isObject(body)) return { message: '', fields: [] };
  const fields: string[] = [];
  const parts = ['error', 'errors', 'message', 'detail']
    .map((key) => describeValue(body[key], fields))
    .filter((part) => part.length > 0);
  return { message: truncate(unique(parts).join('; ')), fields: unique(fields) };
}

function describeValue(value: unknown, fields: string[], field?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value).trim();
    if (field) fields.push(field);
    return field && text ? `${field} ${text}` : text;
  }
  if (Array.isArray(value)) {
    return value
      .map((item) => describeValue(item, fields, field))
      .filter(Boolean)
      .join('; ');
  }
  if (isObject(value)) return describeRecord(value, fields, field);
  return '';
}

function describeRecord(value: Record<string, unknown>, fields: string[], field?: string): string {
  const named = value.field ?? value.param ?? value.attribute;
  const text = value.message ?? value.error ?? value.detail ?? value.description;
  if (typeof text === 'string') {
    const name = typeof named === 'string' ? named : field;
    if (name) fields.push(name);
    return name ? `${name}: ${text}` : text;
  }
  return Object.entries(value)
    .map(([key, nested]) => describeValue(nested, fields, field ? `${field}.${key}` : key))
    .filter(Boolean)
    .join('; ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…` : text;
}
