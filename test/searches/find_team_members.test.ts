import { performFindTeamMembers } from '../../src/searches/find_team_members';
import { API_PATH, callbellApi } from '../helpers/app';
import { inputErrorOf, run } from '../helpers/operations';

/** Members as teams_api/get_team_members.md shows them. */
const maria = {
  email: 'maria@example-shop.com',
  name: 'Maria Rossi',
  available: true,
  lastUpdatedAt: '2026-11-20T09:00:00Z',
};
const li = { ...maria, email: 'li@example-shop.com', name: 'Li Wei' };
/** get_team_members.md's second member, with the custom status she set. */
const customStatus = {
  updatedAt: '2025-02-04T20:21:31Z',
  id: '0d6041a2-8b88-49ec-a99b-a88a078a16c1',
  name: 'Vacationing',
  emoji: '🌴',
};

function expectMembers(query: Record<string, string>, users: object[], page = 1, pages = 1) {
  return callbellApi()
    .get(`${API_PATH}/teams/t1/members`)
    .query({ ...query, page: String(page) })
    .reply(200, { users, meta: { page, pages } });
}

describe('find_team_members', () => {
  it("finds a team's available members across pages, the first one's fields on top", async () => {
    const scope = expectMembers({ status: 'available' }, [maria], 1, 2);
    expectMembers({ status: 'available' }, [li], 2, 2);
    const [found] = await run(performFindTeamMembers, { team_uuid: 't1', status: 'available' });
    expect(found).toEqual({
      id: maria.email,
      ...maria,
      firstName: 'Maria',
      lastName: 'Rossi',
      userCustomStatus: null,
      count: 2,
      members: [
        { ...maria, firstName: 'Maria', lastName: 'Rossi', userCustomStatus: null },
        expect.objectContaining({ email: li.email }),
      ],
    });
    scope.done();
  });

  it("keeps a member's custom status (object_types/team_member.md)", async () => {
    expectMembers({}, [{ ...li, userCustomStatus: customStatus }]);
    const [found] = await run(performFindTeamMembers, { team_uuid: 't1' });
    expect(found).toMatchObject({ email: li.email, userCustomStatus: customStatus });
  });

  it('refuses a team ID with a broken character, naming the field, before any request', async () => {
    expect(await inputErrorOf(run(performFindTeamMembers, { team_uuid: 't\ud800' }))).toMatch(
      /^Team: .*contains a broken character/,
    );
  });

  it('finds every member when no status is chosen, and none is an empty result', async () => {
    expectMembers({}, []);
    await expect(run(performFindTeamMembers, { team_uuid: 't1' })).resolves.toEqual([]);
  });

  it.each([
    [{}, /^Team: fill in or map a team; this run got an empty value/],
    [{ team_uuid: 't1', status: 'busy' }, /^Status: "busy" is not one of the choices/],
  ])('refuses %j before any request', async (input, message) => {
    expect(await inputErrorOf(run(performFindTeamMembers, input))).toMatch(message);
  });
});
