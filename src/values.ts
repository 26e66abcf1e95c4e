/**
 * Small readers for values of unknown shape: what a Zap maps into a field, and what Callbell
 * sends (webhook bodies and answers are validated by nobody before they reach the app). Each
 * answers the type asked for or a safe empty value, and never calls a value's own methods.
 */
import { InputError } from './input-error';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectOrEmpty(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function objectOrNull(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}

export function stringOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(stringOrNull).filter((item) => item !== null) : [];
}

/** An ISO-8601 time from an ISO string or a Unix timestamp in seconds; null otherwise. */
export function isoTime(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const date = new Date(value * 1000);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const text = stringOrNull(value);
  if (!text || Number.isNaN(Date.parse(text))) return null;
  return text;
}

/**
 * A value as text: strings as they are, numbers and booleans written out, anything else
 * (objects, lists) undefined. Never calls a value's own toString, which may throw.
 */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${value}`;
  return undefined;
}

/** Quotes a value for an error message, shortened so one bad field cannot flood the message. */
export function quote(value: unknown): string {
  const text = asText(value) ?? describeShape(value);
  const shown = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `"${shown}"`;
}

function describeShape(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null || value === undefined ? '' : `a ${typeof value}`;
}

/** A trimmed text input, or undefined when the Zap left it empty. */
export function optionalText(value: unknown): string | undefined {
  const text = asText(value)?.trim();
  return text ? text : undefined;
}

/** A text input the step cannot do without. */
export function requiredText(value: unknown, fieldLabel: string, what: string): string {
  const text = optionalText(value);
  if (!text) throw new InputError(fieldLabel, `${what} is required.`);
  return text;
}

/** One of a field's choices; a mapped value outside them is refused with the valid ones. */
export function oneOf<T extends string>(
  value: unknown,
  choices: Record<T, string>,
  fieldLabel: string,
): T | undefined {
  const text = optionalText(value);
  if (text === undefined) return undefined;
  if (isChoice(text, choices)) return text;
  throw new InputError(
    fieldLabel,
    `${quote(text)} is not one of the choices. Use one of: ${Object.keys(choices).join(', ')}.`,
  );
}

/** Own keys only: "constructor" or "__proto__" are no choice. */
function isChoice<T extends string>(text: string, choices: Record<T, string>): text is T {
  return Object.prototype.hasOwnProperty.call(choices, text);
}

/** A yes/no input as Zapier sends it ("true", "yes", true…). */
export function isYes(value: unknown): boolean {
  return ['true', 'yes', '1', 'on'].includes((asText(value) ?? '').trim().toLowerCase());
}

/** Drops undefined values so only what the user filled in reaches Callbell. */
export function definedEntries<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
