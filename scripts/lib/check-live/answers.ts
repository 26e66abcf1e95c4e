import { single } from '../../../src/client/unwrap';
import { isObject, type JsonObject } from '../../../src/values';
import { verdictOf, type Verdict } from './report';
import { isOutage, NO_ANSWER, type Exchange } from './session';

/** Readers for Callbell's answers that describe their shape, never their values. */

/** The list under `key`, or null when the answer has none. */
export function listIn(body: unknown, key: string): JsonObject[] | null {
  if (!isObject(body) || !Array.isArray(body[key])) return null;
  return body[key].filter(isObject);
}

/** How a record is wrapped: `object`, `one-element array`, or what it is instead. */
export function wrapping(value: unknown): string {
  if (Array.isArray(value))
    return value.length === 1 ? 'one-element array' : `array of ${value.length}`;
  if (isObject(value)) return 'object';
  return value === undefined ? 'absent' : typeof value;
}

/** The record under `key`, an object or the first of an array. */
export function recordIn(body: unknown, key: string): JsonObject | undefined {
  if (!isObject(body)) return undefined;
  const value = single(body[key] as JsonObject | JsonObject[] | undefined);
  return isObject(value) ? value : undefined;
}

export const keysOf = (value: unknown): string =>
  isObject(value) ? Object.keys(value).sort().join(', ') || '(none)' : '(not an object)';

/** `meta` as Callbell's list pages carry it, or null. */
export function metaOf(body: unknown): { page?: unknown; pages?: unknown } | null {
  return isObject(body) && isObject(body.meta) ? body.meta : null;
}

/** "200", or "422 {errors: …}" with the reason Callbell gave, shortened. */
export function statusText(exchange: Exchange | undefined): string {
  if (!exchange) return 'no request was made';
  if (exchange.status === NO_ANSWER) return `no answer (${exchange.error ?? 'connection failed'})`;
  if (exchange.status < 400) return String(exchange.status);
  const reason = JSON.stringify(exchange.body) ?? '';
  return `${exchange.status} ${reason.length > 160 ? `${reason.slice(0, 159)}…` : reason}`;
}

export const isSuccess = (exchange: Exchange | undefined): boolean =>
  exchange !== undefined && exchange.status >= 200 && exchange.status < 300;

/** Phone numbers in the report show only their ends: `+3161…78`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 7 ? '+…' : `+${digits.slice(0, 4)}…${digits.slice(-2)}`;
}

/** Callbell's own trouble (no answer, 429, 5xx) says nothing about an assumption. */
export function verdictFrom(exchange: Exchange | undefined, holds: boolean): Verdict {
  if (!exchange || isOutage(exchange.status)) return 'could not be checked';
  return verdictOf(holds);
}
