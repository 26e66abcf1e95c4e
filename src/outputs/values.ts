/**
 * Readers for values Callbell may send in any shape (webhook bodies are not validated by
 * anyone before they reach a Zap): each answers the type asked for, or a safe empty value.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectOrEmpty(value: unknown): JsonObject {
  return isObject(value) ? value : {};
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
