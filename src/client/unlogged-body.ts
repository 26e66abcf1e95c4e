import { Readable } from 'node:stream';

/**
 * A JSON request body that core sends but leaves out of the step's logs. Core logs every
 * z.request's body as `request_data` unless the body is a stream, which it logs as
 * "<streaming data>" (`prepareRequestLog`, core's http-middlewares/after/log-response.js).
 * Forwards carry a customer's messages to other Zaps, so they go as a stream: the owner Zap's
 * developer logs keep the URL and status of each forward, never the message.
 *
 * Core also leaves a stream's text alone (no `{{bundle.…}}` check, prepare-request.js), so a
 * message that quotes such text is forwarded as written.
 */
export function unloggedJsonBody(value: object): {
  body: Readable;
  headers: Record<string, string>;
} {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    body: Readable.from([json]),
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(json.length),
    },
  };
}
