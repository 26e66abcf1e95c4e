/**
 * Zapier shows at most 250 characters of an error from an integration ("keep error messages
 * under 250 characters total as Zapier truncates errors from integrations at 250 characters
 * when displaying them to users", Zapier's error-handling docs). Every message this app throws
 * is built to fit, so the advice at its end is never the part that gets cut.
 */
export const MAX_MESSAGE_LENGTH = 250;

/** Text cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/**
 * `before + detail + after` within 250 characters: the detail (Callbell's reason, a quoted
 * value) is shortened first, so what happened and what to do always show.
 */
export function fitMessage(before: string, detail: string, after: string): string {
  const room = MAX_MESSAGE_LENGTH - before.length - after.length;
  if (room >= detail.length) return `${before}${detail}${after}`;
  if (room > 1) return `${before}${shorten(detail, room)}${after}`;
  return shorten(`${before}${after}`, MAX_MESSAGE_LENGTH);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
