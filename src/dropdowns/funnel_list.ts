import { callbell } from '../client/request';
import { dropdownTrigger } from './dropdown';

interface Funnel {
  uuid: string;
  name?: string;
  emoji?: string;
  position?: number;
}

/** Funnel stages in the order the account shows them. */
export const funnelList = dropdownTrigger({
  key: 'funnel_list',
  noun: 'Funnel Stage',
  paginated: false,
  list: async (z) => {
    const { funnels = [] } = await callbell<{ funnels?: Funnel[] }>(z, { path: '/funnels' });
    return [...funnels]
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((funnel) => ({
        id: funnel.uuid,
        name: [funnel.emoji, funnel.name ?? funnel.uuid].filter(Boolean).join(' '),
      }));
  },
});
