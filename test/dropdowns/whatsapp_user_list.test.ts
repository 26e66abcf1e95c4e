import { whatsappUserListDropdown } from '../../src/dropdowns/whatsapp_user_list';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';

const withBsuid = (uuid: string, bsuid: string, name: string | null) => ({
  ...contact,
  uuid,
  bsuid,
  name,
});

describe('whatsapp_user_list', () => {
  it('lists the contacts that have a BSUID, reading five Callbell pages per editor page', async () => {
    const scope = callbellApi();
    for (const page of [6, 7, 8, 9, 10]) {
      scope
        .get(`${API_PATH}/contacts`)
        .query({ page: String(page) })
        .reply(200, {
          contacts:
            page === 7
              ? [
                  withBsuid('a'.repeat(32), 'US.13491208655302741918', 'Ana Lima'),
                  { ...contact, uuid: 'b'.repeat(32), bsuid: null },
                  withBsuid('c'.repeat(32), 'US.99', null),
                ]
              : [{ ...contact, uuid: `${page}`.padEnd(32, '0'), bsuid: null }],
          meta: { page, pages: 20 },
        });
    }
    await expect(fill(whatsappUserListDropdown, 1)).resolves.toEqual([
      { id: 'US.13491208655302741918', name: `Ana Lima, ${contact.phoneNumber}` },
      { id: 'US.99', name: contact.phoneNumber },
    ]);
    scope.done();
  });

  it('stops at the first empty Callbell page', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts`)
      .query({ page: '1' })
      .reply(200, { contacts: [withBsuid('a'.repeat(32), 'US.1', 'Ana')], meta: { pages: 1 } })
      .get(`${API_PATH}/contacts`)
      .query({ page: '2' })
      .reply(200, { contacts: [], meta: { pages: 1 } });
    await expect(fill(whatsappUserListDropdown, 0)).resolves.toEqual([
      { id: 'US.1', name: `Ana, ${contact.phoneNumber}` },
    ]);
    scope.done();
  });
});
