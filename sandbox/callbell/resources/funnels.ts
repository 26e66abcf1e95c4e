import { notFound, route, type Route } from '../http';
import { seed, type SeedFunnel } from '../seed';

export function funnel(uuid: unknown): SeedFunnel {
  const found = seed.funnels.find((candidate) => candidate.uuid === uuid);
  if (!found) throw notFound('Funnel');
  return found;
}

export const funnelRoutes: Route[] = [
  // docs/api/reference/funnels_api/get_funnels.md: every funnel, unpaginated.
  route('GET', '/funnels', () => ({ funnels: seed.funnels })),
];
