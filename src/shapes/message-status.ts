import { objectOrEmpty, stringOrNull, type JsonObject } from '../values';

/**
 * The reason a message failed, from the raw provider payload Callbell passes on: WhatsApp
 * Cloud API `errors[]` (title, message, details) or a BSP's `payload.reason`.
 */
export function failureReason(statusPayload: JsonObject): string | null {
  const inner = objectOrEmpty(statusPayload.payload);
  const firstError = objectOrEmpty(firstOf(statusPayload.errors) ?? firstOf(inner.errors));
  const candidates = [
    inner.reason,
    statusPayload.reason,
    objectOrEmpty(firstError.error_data).details,
    firstError.message,
    firstError.title,
  ];
  for (const candidate of candidates) {
    const text = stringOrNull(candidate);
    if (text) return text;
  }
  return null;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}
