/**
 * Small readers for values of unknown shape: what a Zap maps into a field, and what Callbell
 * sends (webhook bodies and answers are validated by nobody before they reach the app). Each
 * answers the type asked for or a safe empty value, and never calls a value's own methods.
 */
import { InputError } from './input-error';
import { shorten } from './user-message';

export type JsonObject = Record<string, unknown>;

/** C0 and C1 control characters (a line break, NUL, DEL…): what no id or one-line text holds. */
// eslint-disable-next-line no-control-regex -- matching them is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const ALL_CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTERS.source, 'g');

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value nests deeper than `max` levels; without recursion, so it cannot overflow. */
export function isDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (depth > max) return true;
    if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
    }
  }
  return false;
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

/**
 * The objects of a list (an item Callbell sends as `null` or `"x"` is no record), typed as the
 * records the caller expects: their fields still go through the readers here.
 */
export function records<T extends object = JsonObject>(value: unknown): T[] {
  return Array.isArray(value) ? value.filter((item): item is T => isObject(item)) : [];
}

const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** "2025-12-18 20:00:19 +0100": how Callbell writes funnel, custom status and webhook times. */
const CALLBELL_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2}):?(\d{2})$/;

/** Year 9999: later dates have no ISO-8601 form Zapier reads. */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * An ISO-8601 time, or null: ISO strings as they are, Callbell's "2025-12-18 20:00:19 +0100"
 * rewritten as "2025-12-18T20:00:19+01:00", Unix timestamps in seconds as UTC. Anything else,
 * even what `Date.parse` would guess at ("1", "March 7"), is null: Zapier expects ISO-8601.
 */
export function isoTime(value: unknown): string | null {
  if (typeof value === 'number') return timestampTime(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const callbell = CALLBELL_TIME.exec(text);
  const iso = callbell ? `${callbell[1]}T${callbell[2]}${callbell[3]}:${callbell[4]}` : text;
  return ISO_8601.test(iso) && isCalendarDate(iso) && !Number.isNaN(Date.parse(iso)) ? iso : null;
}

/** Whether "YYYY-MM-DD…" names a real day (Date.parse takes February 30th). */
function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A time for a `datetime` output field: ISO 8601 wherever `isoTime` reads it (Callbell writes
 * some times as "2025-12-18 20:00:19 +0100", funnels_api/get_funnels.md), otherwise the text as
 * Callbell sent it, so a time in a form nobody documented still reaches the Zap.
 */
export function outputTime(value: unknown): string | null {
  return isoTime(value) ?? stringOrNull(value);
}

function timestampTime(seconds: number): string | null {
  const ms = seconds * 1000;
  return Number.isFinite(ms) && ms > 0 && ms <= LAST_MS ? new Date(ms).toISOString() : null;
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

/**
 * Quotes a value for an error message, shortened so one bad field cannot flood the message;
 * control characters (a line break in a mapped value) show as �, so the message stays one line.
 */
export function quote(value: unknown, max = 80): string {
  const text = asText(value) ?? describeShape(value);
  return `"${shorten(text, max).replace(ALL_CONTROL_CHARACTERS, '\ufffd')}"`;
}

function describeShape(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A trimmed text input, or undefined when the Zap left it empty. */
export function optionalText(value: unknown): string | undefined {
  const text = asText(value)?.trim();
  return text ? text : undefined;
}

/** A text input the step cannot do without. */
export function requiredText(value: unknown, fieldLabel: string, what: string): string {
  const text = optionalText(value);
  if (!text)
    throw new InputError(fieldLabel, `fill in or map ${what}; this run got an empty value.`);
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
  return ['true', 'yes', '1', 'on'].includes(yesNoText(value));
}

/** A yes/no input set to No (Zapier sends a boolean as "false"; a mapped value may be "no"). */
export function isNo(value: unknown): boolean {
  return ['false', 'no', '0', 'off'].includes(yesNoText(value));
}

function yesNoText(value: unknown): string {
  return (asText(value) ?? '').trim().toLowerCase();
}

/** Drops undefined values so only what the user filled in reaches Callbell. */
export function definedEntries<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
