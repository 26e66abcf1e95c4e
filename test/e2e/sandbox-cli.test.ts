import { chosenPort, startFailure } from '../../sandbox/callbell/cli';
import { startSandbox } from '../../sandbox/callbell/server';

describe('npm run sandbox', () => {
  it.each([
    [['--port', '4011'], {}, 4011],
    [[], { SANDBOX_PORT: '4020' }, 4020],
    [['--port', '4012'], { SANDBOX_PORT: '4020' }, 4012],
    [[], {}, 4010],
  ])('takes its port from %j and %j: %i', (argv, env, port) => {
    expect(chosenPort(argv, env)).toBe(port);
  });

  it.each([['abc'], ['70000'], ['4.5']])('refuses the port "%s", saying what to give', (text) => {
    expect(() => chosenPort(['--port', text], {})).toThrow(`"${text}" is no port: give a number`);
  });

  it('on a taken port, fails to start and says which port and how to choose another', async () => {
    const first = await startSandbox();
    const port = Number(new URL(first.origin).port);
    try {
      const error = await startSandbox({ port }).catch((failure: unknown) => failure);
      expect(startFailure(error, port)).toBe(
        `Port ${port} is taken (another sandbox?): stop it, or run \`npm run sandbox -- --port ${port + 1}\` and use that port in CALLBELL_API_URL.`,
      );
    } finally {
      await first.stop();
    }
  });
});
