import { funnelListDropdown } from '../../src/dropdowns/funnel_list';
import { API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';

describe('funnel_list', () => {
  it('lists funnel stages in their order', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/funnels`)
      .reply(200, {
        funnels: [
          { uuid: 'f2', name: 'Won', emoji: '🏆', position: 2 },
          { uuid: 'f1', name: 'New lead', emoji: '🆕', position: 1 },
        ],
      });
    await expect(fill(funnelListDropdown)).resolves.toEqual([
      { id: 'f1', name: '🆕 New lead' },
      { id: 'f2', name: '🏆 Won' },
    ]);
    scope.done();
  });
});
