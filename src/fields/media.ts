import { InputError } from '../input-error';
import { quote, optionalText } from '../values';

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
