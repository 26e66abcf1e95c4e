import { messageListDropdown } from '../../src/dropdowns/message_list';
import { findMessageStatusSearch } from '../../src/searches/find_message_status';
import { API_PATH, appTester, bundleWith, callbellApi } from '../helpers/app';
import { inputErrorOf } from '../helpers/operations';

const CONTACT = 'eb2b914a977e4ab896e7b886698b3eac';

/** Runs the dropdown as the Zap editor does inside Find Message Status, for a 0-based page. */
function fill(inputData: Record<string, unknown>, page = 0) {
  return appTester(
    messageListDropdown.operation.perform,
    bundleWith(inputData, { meta: { page, isFillingDynamicDropdown: true } }),
  );
}

describe('message_list', () => {
  it.each([
    [0, '1'],
    [1, '2'],
  ])(
    "lists the sent messages of the step's contact, editor page %i from Callbell page %s",
    async (page, callbellPage) => {
      const scope = callbellApi()
        .get(`${API_PATH}/contacts/${CONTACT}/messages`)
        .query({ page: callbellPage })
        .reply(200, {
          messages: [
            {
              uuid: 'adf3d1216d4c4dcd908199d6700f2381',
              text: 'Your order   has shipped',
              status: 'sent',
              createdAt: '2026-11-20T10:00:00Z',
            },
            { uuid: 'b'.repeat(32), text: 'Thanks!', status: 'received' },
            { uuid: 'c'.repeat(32), text: 'Call back', status: 'note' },
            { text: 'No uuid', status: 'sent' },
            { uuid: 'd'.repeat(32), text: null, status: 'sent' },
          ],
        });
      await expect(fill({ message_contact_uuid: CONTACT }, page)).resolves.toEqual([
        {
          id: 'adf3d1216d4c4dcd908199d6700f2381',
          name: '2026-11-20 10:00: Your order has shipped',
        },
        { id: 'd'.repeat(32), name: '(attachment)' },
      ]);
      scope.done();
    },
  );

  it('asks for the contact first, before any request', async () => {
    expect(await inputErrorOf(fill({}))).toMatch(/^Contact: choose the contact first/);
  });

  it('feeds the Message field of Find Message Status, which takes the contact from the same step', () => {
    const fields = findMessageStatusSearch.operation.inputFields;
    expect(fields).toEqual([
      expect.objectContaining({ key: 'message_contact_uuid', dynamic: 'contact_list.id.name' }),
      expect.objectContaining({
        key: 'message_uuid',
        dynamic: 'message_list.id.name',
        required: true,
      }),
    ]);
    expect(messageListDropdown).toMatchObject({ display: { hidden: true } });
  });
});
