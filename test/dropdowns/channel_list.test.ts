import { channelListDropdown } from '../../src/dropdowns/channel_list';
import { API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';

describe('channel_list', () => {
  it('lists active channels, the main one first, one page per request', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/channels`)
      .query({ active: 'true', page: '1' })
      .reply(200, {
        channels: [
          { uuid: 'ig1', title: 'Shop Instagram', type: 'instagram', main: false },
          { uuid: 'wa1', title: 'Support line', type: 'whatsapp', main: true },
        ],
        meta: { page: 1, pages: 2 },
      })
      .get(`${API_PATH}/channels`)
      .query({ active: 'true', page: '3' })
      .reply(200, { channels: [], meta: { page: 3, pages: 2 } });
    await expect(fill(channelListDropdown)).resolves.toEqual([
      { id: 'wa1', name: 'Support line (WhatsApp, main)' },
      { id: 'ig1', name: 'Shop Instagram (Instagram)' },
    ]);
    await expect(fill(channelListDropdown, 2)).resolves.toEqual([]);
    scope.done();
  });
});
