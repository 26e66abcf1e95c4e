/**
 * What each Callbell endpoint is about, in words a Zap author understands. Error messages
 * use it to say what could not be found (404) or what the key may not do (403).
 */
interface Route {
  pattern: RegExp;
  /** What a 404 on this path means was not found. */
  thing: string;
  /** What a 403 on this path means the key may not do. */
  action: string;
  /** Which path segment names the record (0-based, default 1); null when the path names none. */
  idSegment?: number | null;
}

export interface RouteDescription {
  thing: string;
  action: string;
  /** The id, phone number or BSUID the path names, if any. */
  id?: string;
}

const ROUTES: readonly Route[] = [
  { pattern: /^\/auth\/me$/, thing: 'account', action: 'read the account', idSegment: null },
  { pattern: /^\/messages\/send$/, thing: 'recipient', action: 'send messages', idSegment: null },
  {
    pattern: /^\/messages\/status\//,
    thing: 'message',
    action: 'read message statuses',
    idSegment: 2,
  },
  {
    pattern: /^\/contacts\/phone\//,
    thing: 'contact with the phone number',
    action: 'look up contacts',
    idSegment: 2,
  },
  {
    pattern: /^\/contacts\/bsuid\//,
    thing: 'contact with the BSUID',
    action: 'look up contacts',
    idSegment: 2,
  },
  { pattern: /^\/contacts\/[^/]+\/bot$/, thing: 'contact', action: 'change bot status' },
  {
    pattern: /^\/contacts\/[^/]+\/conversation\/note$/,
    thing: 'contact',
    action: 'add conversation notes',
  },
  {
    pattern: /^\/contacts\/[^/]+\/conversation\/update_funnel$/,
    thing: 'contact or funnel stage',
    action: 'move conversations between funnel stages',
  },
  {
    pattern: /^\/contacts\/[^/]+\/conversation\//,
    thing: 'contact',
    action: 'open or close conversations',
  },
  { pattern: /^\/contacts\/[^/]+\/messages$/, thing: 'contact', action: 'read messages' },
  { pattern: /^\/contacts(\/[^/]+)?$/, thing: 'contact', action: 'manage contacts' },
  { pattern: /^\/channels/, thing: 'channel', action: 'read channels' },
  { pattern: /^\/templates/, thing: 'template', action: 'read templates' },
  { pattern: /^\/teams/, thing: 'team', action: 'read teams' },
  { pattern: /^\/funnels/, thing: 'funnel', action: 'read funnels' },
  {
    pattern: /^\/webhooks\/events/,
    thing: 'webhook',
    action: 'read the webhook delivery log',
    idSegment: null,
  },
  { pattern: /^\/webhooks/, thing: 'webhook', action: 'manage webhooks', idSegment: null },
];

export function describeRoute(method: string, path: string): RouteDescription {
  const route = ROUTES.find((candidate) => candidate.pattern.test(path));
  const segments = path.split('/').filter(Boolean);
  if (!route) {
    return { thing: 'resource', action: `call ${method.toUpperCase()} ${path}`, id: segments[1] };
  }
  const id = route.idSegment === null ? undefined : segments[route.idSegment ?? 1];
  return { thing: route.thing, action: route.action, id: id && decodeURIComponent(id) };
}
