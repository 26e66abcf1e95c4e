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

  it('sends a long note as it is: the docs state no limit for conversation notes', async () => {
    const text = 'x'.repeat(1001);
    const scope = callbellApi()
      .post(`${API_PATH}/contacts/${uuid}/conversation/note`, { text })
      .reply(200, { success: true });
    await expect(run(performAddConversationNote, { contact_uuid: uuid, text })).resolves.toEqual(
      expect.objectContaining({ text, success: true }),
    );
    scope.done();
  });

  it('finds the contact by phone number on the chosen channel first', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .query({ channel_uuid: 'ch-2' })
      .reply(200, { contact })
      .post(`${API_PATH}/contacts/${uuid}/conversation/note`, { text: 'Hi' })
      .reply(200, { success: true });
    await run(performAddConversationNote, {
      phone: '+31 6 1234 5678',
      channel_uuid: 'ch-2',
      text: 'Hi',
    });
    scope.done();
  });

  it('halts quietly, without a note or an error that turns the Zap off, for an unknown number', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/447911123456`)
      .reply(404, { error: 'Not found' });
    await expect(
      run(performAddConversationNote, { phone: '+44 7911 123456', text: 'New lead' }),
    ).rejects.toMatchObject({
      name: 'HaltedError',
      message: expect.stringMatching(
        /^Skipped: Callbell has no contact with the phone number \+447911123456 on your main WhatsApp channel\./,
      ),
    });
    scope.done();
  });

  it.each([
    [{ contact_uuid: uuid }, /^Note: fill in or map the note text;/],
    [{ contact_uuid: uuid, text: '   ' }, /^Note: fill in or map the note text;/],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performAddConversationNote, input))).toMatch(message);
  });

  it('is registered under its public key', () => {
    expect(addConversationNoteCreate.key).toBe('add_conversation_note');
  });
});
