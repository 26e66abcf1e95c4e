import type { PlainInputField } from 'zapier-platform-core';
import { InputError } from '../input-error';
import { quote, optionalText } from '../values';

/**
 * A file to send. `type: 'file'` lets a Zap map a file from any app; Zapier hands perform a
 * URL to it either way (cli README "Files": "If a URL is provided in the string, Zapier will
 * automatically make a GET for that file").
 */
export function mediaUrlField(helpText: string): PlainInputField {
  return { key: 'media_url', label: 'Media URL', type: 'file', required: true, helpText };
}

/**
 * A media URL Callbell can fetch: an absolute web link. The docs ask for "a valid `url` of the
 * media" and state no scheme rule (messages_api/post_send_messages.md), so http and https pass.
 */
export function readMediaUrl(value: unknown, fieldLabel: string): string | undefined {
  const text = optionalText(value);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(
      fieldLabel,
      `${quote(text)} is not a URL. Map a public https:// link to the file.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      fieldLabel,
      `${quote(text)} is not a web link. Map a public https:// link to the file.`,
    );
  }
  return url.toString();
}
