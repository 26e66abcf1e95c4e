import { listTeams } from '../api/teams';
import { dropdownTrigger } from './dropdown-trigger';
import type { Example } from '../example';

export const teamListDropdown = dropdownTrigger({
  key: 'team_list',
  noun: 'Team',
  paginated: true,
  list: async (z, page) => {
    const teams = await listTeams(z, page);
    return teams.map((team) => ({ id: team.uuid, name: team.name ?? team.uuid }));
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  requests: ['GET /teams'],
};
