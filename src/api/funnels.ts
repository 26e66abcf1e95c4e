import type { ZObject } from 'zapier-platform-core';
import { callbell } from '../client/request';
import { records, stringOrNull } from '../values';

export interface Funnel {
  uuid: string;
  name?: string;
  emoji?: string;
  position?: number;
}

/** The account's funnel stages (Callbell does not paginate them: funnels_api/get_funnels.md). */
export async function listFunnels(z: ZObject): Promise<Funnel[]> {
  const { funnels } = await callbell<{ funnels?: Funnel[] }>(z, {
    path: '/funnels',
    about: { action: 'read funnels', thing: 'funnel' },
    expects: { key: 'funnels', as: 'list' },
  });
  return records<Funnel>(funnels);
}

/**
 * The name of a funnel stage, read after a change that already happened: null, with a log
 * line, when Callbell does not list the stage or cannot be read now, so the change is never
 * reported as failed.
 */
export async function funnelStageName(z: ZObject, uuid: string): Promise<string | null> {
  try {
    const stage = (await listFunnels(z)).find((funnel) => funnel.uuid === uuid);
    return stringOrNull(stage?.name);
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'error';
    z.console.log(`Callbell: the stage is set; its name could not be read (${reason}).`);
    return null;
  }
}
