/**
 * Callbell documents some records both as an object and as a one-element array (`contact`
 * from GET, POST and PATCH /contacts, conversation open, update_funnel). Every caller goes
 * through here so no operation has to care which it got.
 */
export function unwrapOne<T extends object>(value: T | T[] | null | undefined, what: string): T {
  const item = Array.isArray(value) ? value[0] : value;
  if (!item || typeof item !== 'object') {
    throw new Error(`Callbell's answer did not include the ${what}. Please try again.`);
  }
  return item;
}
