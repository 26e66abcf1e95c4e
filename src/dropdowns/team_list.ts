import { dropdownTrigger, listPage } from './dropdown';

export interface Team {
  uuid: string;
  name?: string;
}

export const teamList = dropdownTrigger({
  key: 'team_list',
  noun: 'Team',
  paginated: true,
  list: async (z, page) => {
    const teams = await listPage<Team>(z, '/teams', 'teams', page);
    return teams.map((team) => ({ id: team.uuid, name: team.name ?? team.uuid }));
  },
});
