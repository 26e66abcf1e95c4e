import { contactListDropdown } from '../../src/dropdowns/contact_list';
import contact from '../fixtures/contact.json';
import type { ZObject } from 'zapier-platform-core';
import { listContacts } from '../../src/api/contacts';
import type { Contact } from '../../src/shapes/contact';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
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
    await expect(fill(contactListDropdown, page)).resolves.toEqual([
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
    await expect(fill(contactListDropdown, 3)).resolves.toEqual([]);
    scope.done();
  });

  // get_contacts.md documents `page` but shows no `meta`: the list goes on until a page is
  // empty or repeats the one before.
  describe('without meta', () => {
    const page = (uuids: string[]) => ({
      contacts: uuids.map((uuid) => ({ ...contact, uuid, name: uuid, phoneNumber: null })),
    });

    it('goes on past page 1 while pages bring new contacts', async () => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts`)
        .query({ page: '2' })
        .reply(200, page(['c3', 'c4']))
        .get(`${API_PATH}/contacts`)
        .query({ page: '1' })
        .reply(200, page(['c1', 'c2']));
      await expect(fill(contactListDropdown, 1)).resolves.toEqual([
        { id: 'c3', name: 'c3' },
        { id: 'c4', name: 'c4' },
      ]);
      scope.done();
    });

    it.each([
      ['is empty', [], 1],
      ['repeats the page before', ['c1', 'c2'], 2],
    ])('ends when the page %s', async (_case, uuids, requests) => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts`)
        .query({ page: '2' })
        .reply(200, page(uuids));
      if (requests === 2)
        scope
          .get(`${API_PATH}/contacts`)
          .query({ page: '1' })
          .reply(200, page(['c1', 'c2']));
      await expect(fill(contactListDropdown, 1)).resolves.toEqual([]);
      scope.done();
    });

    it('a step reading pages in order, handing each page on, reads each once', async () => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts`)
        .query({ page: '1' })
        .reply(200, page(['c1', 'c2']))
        .get(`${API_PATH}/contacts`)
        .query({ page: '2' })
        .reply(200, page(['c1', 'c2']));
      const pages = await appTester(async (z: ZObject) => {
        const first = await listContacts(z, 1);
        return [first, await listContacts(z, 2, first)];
      }, bundleWith());
      expect(pages.map((contacts: Contact[]) => contacts.length)).toEqual([2, 0]);
      scope.done();
    });

    it('asks nothing past its guard of 100 pages', async () => {
      await expect(fill(contactListDropdown, 100)).resolves.toEqual([]);
    });
  });

  it('is paginated and hidden', () => {
    expect(contactListDropdown.operation.canPaginate).toBe(true);
    expect(contactListDropdown.display.hidden).toBe(true);
  });
});
