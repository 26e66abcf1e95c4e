import { listTeams } from '../api/teams';
import { dropdownTrigger } from './dropdown-trigger';

export const teamList = dropdownTrigger({
  key: 'team_list',
  noun: 'Team',
  paginated: true,
  list: async (z, page) => {
    const teams = await listTeams(z, page);
    return teams.map((team) => ({ id: team.uuid, name: team.name ?? team.uuid }));
  },
});
