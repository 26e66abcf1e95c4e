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
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const shown = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `"${shown}"`;
}
