import { asText, InputError, quote } from '../input-error';

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
  if (text in choices) return text as T;
  throw new InputError(
    fieldLabel,
    `${quote(text)} is not one of the choices. Use one of: ${Object.keys(choices).join(', ')}.`,
  );
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
