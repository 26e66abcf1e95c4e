/**
 * Bad input found before any request is sent. The message names the field (by the label the
 * Zap author sees), the value and what to do about it.
 */
export class InputError extends Error {
  constructor(fieldLabel: string, problem: string) {
    super(`${fieldLabel}: ${problem}`);
    this.name = 'InputError';
  }
}

/** Quotes a value for an error message, shortened so one bad field cannot flood the message. */
export function quote(value: unknown): string {
  const text = asText(value) ?? describeShape(value);
  const shown = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `"${shown}"`;
}

/**
 * An input value as text: strings as they are, numbers and booleans written out, anything
 * else (objects, lists) undefined. Never calls a value's own toString, which may throw.
 */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${value}`;
  return undefined;
}

function describeShape(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null || value === undefined ? '' : `a ${typeof value}`;
}
