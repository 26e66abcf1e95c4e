import type { PlainInputField } from 'zapier-platform-core';
import { hostOf, isInternalHostLiteral } from '../client/public-address';
import { InputError } from '../input-error';
import { quote, optionalText } from '../values';

/**
 * What a Zap author gets from a `file` field, by Zapier's field schema ("Field type of `file`
 * will accept either a file object or a string. If a URL is provided in the string, Zapier will
 * automatically make a GET for that file. Otherwise, a .txt file will be generated",
 * packages/schema/docs/build/schema.md) and core's stashFile (tools/create-file-stasher.js):
 * perform always gets a link to Zapier's stored copy, which keeps the file's type and name
 * as headers but not in the link; Callbell's send API takes a `url` and no file name
 * (messages_api/post_send_messages.md), so the name a customer sees is Callbell's choice.
 */
const FILE_FIELD_HELP =
  'Zapier sends Callbell its own copy of the file, of the same type; the customer may see another file name. Text that is not a link is sent as a .txt file.';

/** A file to send: a file from any app, or a link Zapier downloads first. */
export function mediaUrlField(helpText: string): PlainInputField {
  return {
    key: 'media_url',
    label: 'Media URL',
    type: 'file',
    required: true,
    helpText: `${helpText} ${FILE_FIELD_HELP}`,
  };
}

const PUBLIC_LINK = 'Map a public https:// link to the file.';

/**
 * A media URL Callbell can fetch: an absolute web link to a public host. The docs ask for "a
 * valid `url` of the media" and state no scheme rule (messages_api/post_send_messages.md), so
 * http and https pass; a loopback, private or link-local host is refused before sending, as
 * Callbell's servers could only fetch their own network there.
 */
export function readMediaUrl(value: unknown, fieldLabel: string): string | undefined {
  const text = optionalText(value);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(fieldLabel, `${quote(text)} is not a URL. ${PUBLIC_LINK}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(fieldLabel, `${quote(text)} is not a web link. ${PUBLIC_LINK}`);
  }
  if (isInternalHostLiteral(hostOf(url))) {
    throw new InputError(
      fieldLabel,
      `${quote(text)} is a private or local address, which Callbell cannot reach. ${PUBLIC_LINK}`,
    );
  }
  return url.toString();
}
