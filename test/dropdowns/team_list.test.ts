import { teamListDropdown } from '../../src/dropdowns/team_list';
import { API_PATH, callbellApi } from '../helpers/app';
import { fill } from '../helpers/dropdown';
import teams from '../fixtures/teams.json';

describe('team_list', () => {
  it('lists teams', async () => {
    const scope = callbellApi().get(`${API_PATH}/teams`).query({ page: '1' }).reply(200, teams);
    await expect(fill(teamListDropdown)).resolves.toEqual([
      { id: 't1', name: 'Support' },
      { id: 't2', name: 'Sales' },
    ]);
    scope.done();
  });
});
