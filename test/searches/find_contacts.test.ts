import { findContactsSearch, performFindContacts } from '../../src/searches/find_contacts';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const contact = (uuid: string, createdAt: string, extra: object = {}) => ({
  uuid,
  name: `Contact ${uuid}`,
  phoneNumber: '31612345678',
  createdAt,
  source: 'whatsapp',
  tags: ['VIP'],
  customFields: {},
  ...extra,
});

const older = contact('a1', '2026-01-10T09:00:00Z');
const newest = contact('b2', '2026-03-01T09:00:00Z');
const middle = contact('c3', '2026-02-01T09:00:00Z');

/** GET /contacts with the documented filters (contacts_api/get_contacts.md). */
function expectPage(query: Record<string, string>, page: number, answer: object) {
  return callbellApi()
    .get(`${API_PATH}/contacts`)
    .query({ ...query, include_field_types: 'true', page: String(page) })
    .reply(200, answer);
}

describe('find_contacts', () => {
  it('finds by tags, channel type and team, newest first, with the count and line items', async () => {
    const query = { tags: 'VIP,Lead', source: 'whatsapp', team_uuid: 't1' };
    const scope = expectPage(query, 1, {
      contacts: [older, newest, middle],
      meta: { page: 1, pages: 1 },
    });
    const [found] = await run(performFindContacts, {
      tags: ['VIP', 'Lead'],
      source: 'whatsapp',
      team_uuid: 't1',
    });
    expect(found).toMatchObject({ id: 'b2', uuid: 'b2', count: 3, complete: true });
    expect(found?.contacts.map((item) => item.uuid)).toEqual(['b2', 'c3', 'a1']);
    scope.done();
  });

  it.each([
    [
      'until an empty page when Callbell sends no meta',
      [{ contacts: [older, newest] }, { contacts: [] }],
      true,
    ],
    [
      'until a page shorter than the first',
      [{ contacts: [older, newest] }, { contacts: [middle] }],
      true,
    ],
    [
      'until a page brings nothing new (page ignored)',
      [{ contacts: [older, newest] }, { contacts: [older, newest] }],
      true,
    ],
  ])('reads pages %s', async (_case, pages, complete) => {
    const scope = callbellApi();
    pages.forEach((answer, index) => expectPage({ tags: 'VIP' }, index + 1, answer));
    const [found] = await run(performFindContacts, { tags: 'VIP' });
    expect(found?.complete).toBe(complete);
    expect(found?.contacts[0]?.uuid).toBe('b2');
    scope.done();
  });

  it('reads at most five pages and says the list is not complete', async () => {
    for (let page = 1; page <= 5; page += 1) {
      expectPage({ source: 'instagram' }, page, {
        contacts: [contact(`p${page}`, `2026-01-0${page}T09:00:00Z`)],
        meta: { page, pages: 9 },
      });
    }
    const [found] = await run(performFindContacts, { source: 'instagram' });
    expect(found).toMatchObject({ id: 'p5', count: 5, complete: false });
  });

  it('gives checkbox custom fields as lists even without their types', async () => {
    expectPage({ tags: 'VIP' }, 1, {
      contacts: [{ ...newest, customFields: { Preferences: '["Newsletter", "Promotions"]' } }],
      meta: { page: 1, pages: 1 },
    });
    const [found] = await run(performFindContacts, { tags: 'VIP' });
    expect(found?.customFields).toEqual({ Preferences: ['Newsletter', 'Promotions'] });
    expect(found?.contacts[0]?.customFields).toEqual({ Preferences: ['Newsletter', 'Promotions'] });
  });

  it('answers an empty result when nobody matches', async () => {
    expectPage({ team_uuid: 't9' }, 1, { contacts: [], meta: { page: 1, pages: 1 } });
    await expect(run(performFindContacts, { team_uuid: 't9' })).resolves.toEqual([]);
  });

  it.each([
    [{}, /^Tags: fill in tags, a Channel Type or a Team to search by/],
    [{ tags: ' , ' }, /^Tags: fill in tags, a Channel Type or a Team to search by/],
    [{ source: 'sms' }, /^Channel Type: "sms" is not one of the choices/],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performFindContacts, input))).toMatch(message);
  });

  it('labels the line items', () => {
    const keys = findContactsSearch.operation.outputFields.map((field) => field.key);
    expect(keys).toEqual(
      expect.arrayContaining(['count', 'complete', 'contacts[]uuid', 'contacts[]phoneNumberE164']),
    );
  });
});
