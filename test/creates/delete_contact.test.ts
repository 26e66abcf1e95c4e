import { deleteContactCreate, performDeleteContact } from '../../src/creates/delete_contact';
import contact from '../fixtures/contact.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

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

  it.each([
    [{ contact_uuid: uuid }],
    [{ contact_uuid: uuid, confirm: 'false' }],
    [{ contact_uuid: uuid, confirm: 'no' }],
  ])('deletes nothing without the confirmation: %j', async (input) => {
    expect(await inputErrorOf(run(performDeleteContact, input))).toMatch(
      /^Confirm Permanent Deletion: set this to Yes to delete the contact/,
    );
  });

  it('asks for the confirmation as a required field', () => {
    expect(deleteContactCreate.operation.inputFields.at(0)).toMatchObject({
      key: 'confirm',
      type: 'boolean',
      required: true,
    });
  });
});
