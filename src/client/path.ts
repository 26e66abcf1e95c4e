import { errors } from 'zapier-platform-core';
import { InputError } from '../input-error';
import { CONTROL_CHARACTERS, quote } from '../values';

/**
 * Ids that go into a URL path as one segment (`/contacts/:uuid/bot`). An id that cannot be one
 * segment is refused before any request, naming where it came from: "." or ".." would be
 * resolved by the HTTP client (`/contacts/../bot` is `/bot`), an empty id drops a segment,
 * control characters and lone surrogates cannot be encoded (encodeURIComponent throws
 * URIError). Nothing else is refused unless Callbell's docs show one fixed format: a WhatsApp
 * BSUID may well contain dots ("US.1349…").
 */
export interface IdField {
  /** The field label the Zap author sees ("Contact ID"), or what Callbell's answer named. */
  label: string;
  /** Where the id came from: the step's input, or one of Callbell's answers. */
  from: 'input' | 'answer';
  /** 32 hex digits: the format of every contact and message uuid in Callbell's docs. */
  hex32?: boolean;
}

const HEX32 = /^[0-9a-f]{32}$/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The id encoded as one path segment, or an error naming the field. */
export function pathId(value: string, field: IdField): string {
  const problem = segmentProblem(value) ?? formatProblem(value, field);
  if (problem) throw idError(value, field, problem);
  return encodeURIComponent(value);
}

function segmentProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'is empty';
  if (trimmed === '.' || trimmed === '..') return 'is not an ID (it would change the address)';
  if (CONTROL_CHARACTERS.test(value)) return 'contains control characters such as a line break';
  if (LONE_SURROGATE.test(value)) return 'contains a broken character';
  return undefined;
}

function formatProblem(value: string, field: IdField): string | undefined {
  if (!field.hex32 || HEX32.test(value)) return undefined;
  return 'is not a Callbell ID, which has 32 letters and digits (0-9, a-f)';
}

function idError(value: string, field: IdField, problem: string): Error {
  const shown = quote(value, 40);
  if (field.from === 'input') {
    const example = field.hex32 ? ', e.g. eb2b914a977e4ab896e7b886698b3eac' : '';
    return new InputError(
      field.label,
      `${shown} ${problem}. Map the value from a Callbell trigger or search step${example}.`,
    );
  }
  return new errors.Error(
    `Callbell's answer gave a ${field.label} ${shown} that ${problem}, so it was not used in a request. Try again; if it persists, tell Callbell support.`,
    'CallbellUnusableId',
  );
}

/**
 * The last guard, for paths built without `pathId`: every segment must be a plain, non-empty,
 * non-dot segment (also when percent-encoded: "%2e%2e" is ".." to a URL parser).
 */
export function unsafePathSegment(path: string): string | undefined {
  const segments = path.replace(/^\//, '').split('/');
  return segments.find(
    (segment) =>
      !segment ||
      /^(?:\.|%2e){1,2}$/i.test(segment) ||
      /[?#\s]/.test(segment) ||
      CONTROL_CHARACTERS.test(segment) ||
      LONE_SURROGATE.test(segment),
  );
}
