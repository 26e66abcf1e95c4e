import { contactList } from '../../src/dropdowns/contact_list';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';

describe('contact_list', () => {
  it.each([
    [0, '1'],
    [2, '3'],
  ])('the editor page %i reads Callbell page %s', async (page, callbellPage) => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts`)
      .query({ page: callbellPage })
      .reply(200, {
        contacts: [
          { ...contact, uuid: 'c1', name: 'Ann Lee', phoneNumber: '+31 6 1234 5678' },
          { ...contact, uuid: 'c2', name: null, phoneNumber: '447700900123' },
          { ...contact, uuid: 'c3', name: null, phoneNumber: null },
          { ...contact, uuid: '' },
        ],
        meta: { page: Number(callbellPage), pages: 3 },
      });
    await expect(fill(contactList, page)).resolves.toEqual([
      { id: 'c1', name: 'Ann Lee, +31 6 1234 5678' },
      { id: 'c2', name: '447700900123' },
      { id: 'c3', name: 'c3' },
    ]);
    scope.done();
  });

  it('past the last page it lists nothing, so "load more" stops', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts`)
      .query({ page: '4' })
      .reply(200, { contacts: [], meta: { page: 4, pages: 3 } });
    await expect(fill(contactList, 3)).resolves.toEqual([]);
    scope.done();
  });

  it('is paginated and hidden', () => {
    expect(contactList.operation.canPaginate).toBe(true);
    expect(contactList.display.hidden).toBe(true);
  });
});
