/**
 * The API key never leaves Callbell's answers for an error, a log line or a Zap's output, in
 * whatever form an answer echoes it: as sent, in another case, percent-encoded (also twice),
 * JSON-escaped, or cut short (a piece of 12 characters or more, e.g. where a message was
 * truncated before this app saw it).
 */
export const REDACTED = '[API key]';

/** Below this, a piece of the key could be ordinary text; above it, it is the key. */
const PIECE_LENGTH = 12;

export interface Redactor {
  /** The text with every form of the key replaced. */
  text(value: string): string;
  /** A parsed JSON answer with every string (and key) redacted; the input is not changed. */
  json(value: unknown): unknown;
}

const NOTHING_TO_HIDE: Redactor = { text: (value) => value, json: (value) => value };

export function redactor(apiKey: string | undefined): Redactor {
  const key = apiKey?.trim();
  if (!key) return NOTHING_TO_HIDE;
  const whole = new RegExp([...key].map(charPattern).join(''), 'gi');
  const pieces = new Set(keyPieces(key.toLowerCase()));
  const text = (value: string) => redactPieces(value.replace(whole, REDACTED), pieces);
  return { text, json: (value) => redactJson(value, text) };
}

/** One character of the key as an answer may write it: itself, %XX, %25XX or \uXXXX. */
function charPattern(char: string): string {
  const literal = char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const code = char.codePointAt(0) ?? 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: Callbell's keys are ASCII; the other branch differs only for a character no key holds.
  if (code > 0x7f) return literal;
  const hex = code.toString(16).padStart(2, '0');
  return `(?:${literal}|%(?:25)?${hex}|\\\\u00${hex})`;
}

function keyPieces(key: string): string[] {
  if (key.length <= PIECE_LENGTH) return [key];
  return Array.from({ length: key.length - PIECE_LENGTH + 1 }, (_, i) =>
    key.slice(i, i + PIECE_LENGTH),
  );
}

/** Marks every piece of the key in one pass over the text, then replaces each marked run. */
function redactPieces(text: string, pieces: Set<string>): string {
  const [first] = pieces;
  const size = first?.length ?? 0;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut; without it the loop finds nothing and the text comes back as it was.
  if (!size || text.length < size) return text;
  const lower = text.toLowerCase();
  // toLowerCase keeps the length of the text for the characters a key is made of; if it does
  // not (a rare Unicode case), the pieces are looked for in the text as it is.
  const haystack = lower.length === text.length ? lower : text;
  const hidden = new Uint8Array(text.length);
  // Stryker disable next-line BooleanLiteral: with `found` true the text is rebuilt unchanged.
  let found = false;
  // Stryker disable next-line ArithmeticOperator: slices past the end are shorter than a piece and match nothing.
  for (let at = 0; at + size <= haystack.length; at += 1) {
    if (pieces.has(haystack.slice(at, at + size))) {
      hidden.fill(1, at, at + size);
      found = true;
    }
  }
  // Stryker disable next-line ConditionalExpression: a shortcut; the loop below rebuilds the same text.
  if (!found) return text;
  let result = '';
  for (let at = 0; at < text.length; at += 1) {
    if (!hidden[at]) result += text[at];
    // Stryker disable next-line ArithmeticOperator: marking a run's last character instead of its first writes the same text.
    else if (!hidden[at - 1]) result += REDACTED;
  }
  return result;
}

function redactJson(value: unknown, text: (value: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, text));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, nested]) => [text(key), redactJson(nested, text)]),
    );
  }
  return value;
}
