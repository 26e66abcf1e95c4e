/**
 * A first and a last name read off one full name, for the many Zapier actions that ask for
 * them apart (build guidelines, "Response content", "Names": "Always provide separate name
 * fields"). Callbell keeps a single name, so this is a reading, not what the person entered:
 * the first word is the first name and every word after it the last name ("María José García"
 * → "María" and "José García"); a one-word name is a first name with no last name.
 */
export interface NameParts {
  firstName: string | null;
  lastName: string | null;
}

export function nameParts(name: string | null): NameParts {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  return { firstName: first ?? null, lastName: rest.length ? rest.join(' ') : null };
}
