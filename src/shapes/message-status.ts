import { isObject, isoTime, objectOrEmpty, stringOrNull, type JsonObject } from '../values';

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

/** Keys whose numbers are epoch times in providers' payloads (`ts`, `timestamp`…). */
const TIME_KEY = /(^ts|timestamp|Timestamp|At|_at|[tT]ime)$/;

/**
 * The provider's raw status payload as a Zap can map it: as it came, but for epoch times,
 * which Zapier's build guidelines ask to give as ISO 8601 ("Dates").
 */
export function statusPayloadOutput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(statusPayloadOutput);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      typeof item === 'number' && TIME_KEY.test(key)
        ? (isoTime(item) ?? item)
        : statusPayloadOutput(item),
    ]),
  );
}
