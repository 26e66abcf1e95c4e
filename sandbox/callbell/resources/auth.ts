import { route, type Route } from '../http';
import { seed } from '../seed';

// The key check itself is in server.ts: it applies to every route.
export const authRoutes: Route[] = [
  // docs/api/reference/auth_api/me.md: the account's user and the key the request used.
  route('GET', '/auth/me', ({ apiKey }) => ({ status: 'ok', ...seed.account, api_key: apiKey })),
];
