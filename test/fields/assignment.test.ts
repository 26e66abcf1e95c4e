import { readAssignment } from '../../src/fields/assignment';
import { inputErrorText } from '../helpers/operations';

describe('readAssignment', () => {
  it.each([
    ['a collaborator email', 'ana@shop.example', 'ana@shop.example'],
    ['an email with spaces around it', '  ana@shop.example ', 'ana@shop.example'],
    ['a subdomain', 'ana@eu.shop.example', 'ana@eu.shop.example'],
    ['a one-letter name', 'a@shop.example', 'a@shop.example'],
    ['nothing mapped', '', undefined],
    ['a blank value', '   ', undefined],
  ])('reads %s', (_case, assigned_user, expected) => {
    expect(readAssignment({ assigned_user }).assigned_user).toBe(expected);
  });

  it.each([
    ['a name', 'Ana Bell'],
    ['no @', 'ana.shop.example'],
    ['nothing before the @', '@shop.example'],
    ['two @', 'ana@bell@shop.example'],
    ['no dot in the domain', 'ana@localhost'],
    ['a dot right after the @', 'ana@.example'],
    ['a dot at the end', 'ana@shop.'],
    ['a space inside', 'ana bell@shop.example'],
  ])('refuses %s before any request, naming Assign to Agent', (_case, assigned_user) => {
    expect(inputErrorText(() => readAssignment({ assigned_user }))).toBe(
      `Assign to Agent: "${assigned_user}" is not an email address. Choose an agent or map their Callbell email.`,
    );
  });

  it('passes the team and a bot status on, trimmed', () => {
    expect(
      readAssignment({ team_uuid: ' team-1 ', bot_status: 'bot_end', assigned_user: '' }),
    ).toEqual({ assigned_user: undefined, team_uuid: 'team-1', bot_status: 'bot_end' });
  });

  it('refuses a bot status that is not a choice, naming Bot and the choices', () => {
    expect(inputErrorText(() => readAssignment({ bot_status: 'pause' }))).toBe(
      'Bot: "pause" is not one of the choices. Use one of: bot_start, bot_end.',
    );
  });
});
