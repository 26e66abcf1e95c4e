import type { ZObject } from 'zapier-platform-core';
import { callbell } from '../client/request';

export interface Funnel {
  uuid: string;
  name?: string;
  emoji?: string;
  position?: number;
}

/** The account's funnel stages (Callbell does not paginate them). */
export async function listFunnels(z: ZObject): Promise<Funnel[]> {
  const { funnels } = await callbell<{ funnels?: Funnel[] }>(z, {
    path: '/funnels',
    about: { action: 'read funnels', thing: 'funnel' },
  });
  return Array.isArray(funnels) ? funnels : [];
}
