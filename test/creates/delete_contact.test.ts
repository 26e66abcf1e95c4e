import { deleteContactCreate, performDeleteContact } from '../../src/creates/delete_contact';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { run } from '../helpers/operations';

const { uuid } = contact;

describe('delete_contact', () => {
  it('deletes a contact given by ID once confirmed: one request', async () => {
    const scope = callbellApi()
      .delete(`${API_PATH}/contacts/${uuid}`)
      .reply(200, { status: 'contact was destroyed' });
    await expect(
      run(performDeleteContact, { contact_uuid: uuid, confirm: 'true' }),
    ).resolves.toEqual({ id: uuid, uuid, deleted: true, status: 'contact was destroyed' });
    scope.done();
  });

  it('finds the contact by phone number on the chosen channel first', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/contacts/phone/31612345678`)
      .query({ channel_uuid: 'ch-2' })
      .reply(200, { contact })
      .delete(`${API_PATH}/contacts/${uuid}`)
      .reply(200, { status: 'contact was destroyed' });
    await run(performDeleteContact, {
      phone: '+31612345678',
      channel_uuid: 'ch-2',
      confirm: true,
    });
    scope.done();
  });

  it('says when the contact does not exist', async () => {
    callbellApi().delete(`${API_PATH}/contacts/${uuid}`).reply(404, { error: 'Not found' });
    await expect(run(performDeleteContact, { contact_uuid: uuid, confirm: true })).rejects.toThrow(
      /could not find the contact/,
    );
  });

  it('deletes when Confirm Deletion is left empty: Callbell asks for no confirmation', async () => {
    const scope = callbellApi()
      .delete(`${API_PATH}/contacts/${uuid}`)
      .reply(200, { status: 'contact was destroyed' });
    await expect(run(performDeleteContact, { contact_uuid: uuid })).resolves.toMatchObject({
      deleted: true,
    });
    scope.done();
  });

  it.each([['false'], ['no'], [false], [' No ']])(
    'deletes nothing, before any request, when Confirm Deletion is %j',
    async (confirm) => {
      await expect(
        run(performDeleteContact, { contact_uuid: uuid, confirm }),
      ).rejects.toMatchObject({
        name: 'HaltedError',
        message: expect.stringMatching(/^Leave Confirm Deletion empty or set it to Yes/),
      });
    },
  );

  it('says first, in a copy field, that the deletion cannot be undone; the box is optional and last', () => {
    const fields = deleteContactCreate.operation.inputFields;
    expect(fields.at(0)).toMatchObject({ type: 'copy', label: 'Deletion Cannot Be Undone' });
    expect(fields.at(-1)).toMatchObject({ key: 'confirm', type: 'boolean' });
    expect(fields.at(-1)?.required).toBeFalsy();
  });
});
