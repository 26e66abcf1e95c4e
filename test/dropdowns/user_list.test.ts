import { userListDropdown } from '../../src/dropdowns/user_list';
import teams from '../fixtures/teams.json';
import { API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';

describe('user_list', () => {
  it('lists every collaborator once, by email, across teams and member pages', async () => {
    const scope = callbellApi()
      .get(`${API_PATH}/teams`)
      .query({ page: '1' })
      .reply(200, teams)
      .get(`${API_PATH}/teams/t1/members`)
      .query({ page: '1' })
      .reply(200, {
        users: [{ email: 'maria@example-shop.com', name: 'Maria Rossi' }],
        meta: { page: 1, pages: 2 },
      })
      .get(`${API_PATH}/teams/t1/members`)
      .query({ page: '2' })
      .reply(200, {
        users: [{ email: 'joao@example-shop.com', name: 'João' }],
        meta: { page: 2, pages: 2 },
      })
      .get(`${API_PATH}/teams/t2/members`)
      .query({ page: '1' })
      .reply(200, {
        users: [
          { email: 'maria@example-shop.com', name: 'Maria Rossi' },
          { email: 'li@example-shop.com' },
        ],
      });
    await expect(fill(userListDropdown)).resolves.toEqual([
      { id: 'maria@example-shop.com', name: 'Maria Rossi (maria@example-shop.com)' },
      { id: 'joao@example-shop.com', name: 'João (joao@example-shop.com)' },
      { id: 'li@example-shop.com', name: 'li@example-shop.com' },
    ]);
    scope.done();
  });
});
