import {
  addConversationNoteCreate,
  performAddConversationNote,
} from '../../src/creates/add_conversation_note';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

const { uuid } = contact;

describe('add_conversation_note', () => {
  it('adds the note in one request', async () => {
    const scope = callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/conversation/note`, {
        text: 'Paid by card. @maria please ship.',
      })
      .reply(200, { success: true });
    await expect(
      run(performAddConversationNote, {
        contact_uuid: uuid,
        text: 'Paid by card. @maria please ship.',
      }),
    ).resolves.toEqual({
      id: uuid,
      contact_uuid: uuid,
      text: 'Paid by card. @maria please ship.',
      success: true,
    });
    scope.done();
  });

  it('halts quietly, without a note or an error that turns the Zap off, for an unknown number', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/447700900123`)
      .reply(404, { error: 'Not found' });
    await expect(
      run(performAddConversationNote, { phone: '+44 7700 900123', text: 'New lead' }),
    ).rejects.toMatchObject({
      name: 'HaltedError',
      message: expect.stringMatching(
        /^Skipped: Callbell has no contact with the phone number \+447700900123\./,
      ),
    });
    scope.done();
  });

  it.each([
    [{ contact_uuid: uuid }, /^Note: the note text is required/],
    [
      { contact_uuid: uuid, text: 'x'.repeat(1001) },
      /^Note: is 1001 characters; Callbell accepts at most 1000/,
    ],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performAddConversationNote, input))).toMatch(message);
  });

  it('is registered under its public key', () => {
    expect(addConversationNoteCreate.key).toBe('add_conversation_note');
  });
});
