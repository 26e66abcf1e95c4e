import { listFunnels } from '../api/funnels';
import { dropdownTrigger } from './dropdown-trigger';
import type { Example } from '../example';

/** Funnel stages in the order the account shows them. */
export const funnelListDropdown = dropdownTrigger({
  key: 'funnel_list',
  noun: 'Funnel Stage',
  paginated: false,
  list: async (z) => {
    const funnels = await listFunnels(z);
    return [...funnels]
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((funnel) => ({
        id: funnel.uuid,
        name: [funnel.emoji, funnel.name ?? funnel.uuid].filter(Boolean).join(' '),
      }));
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  requests: ['GET /funnels'],
};
