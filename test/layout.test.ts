import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authentication } from '../src/authentication';
import { creates, dropdowns, hookTriggers, searches } from '../src/operations';
import { scenarioNames } from '../scripts/lib/request-scenarios';

/**
 * The README's recipe for adding an operation, enforced: every operation has its own unit test
 * file mirroring its source file, and a request-count scenario that runs it against the sandbox
 * (which therefore must have its routes).
 */
const operations = [
  ...hookTriggers.map(({ key }) => ({ key, folder: 'triggers' })),
  ...dropdowns.map(({ key }) => ({ key, folder: 'dropdowns' })),
  ...Object.keys(creates).map((key) => ({ key, folder: 'creates' })),
  ...Object.keys(searches).map((key) => ({ key, folder: 'searches' })),
];

const names = scenarioNames({
  triggers: Object.fromEntries([...hookTriggers, ...dropdowns].map((t) => [t.key, t])),
  creates,
  searches,
  authentication,
} as Parameters<typeof scenarioNames>[0]);

describe('every operation', () => {
  it.each(operations)('$key has a unit test in test/$folder/', ({ key, folder }) => {
    expect(existsSync(join(__dirname, folder, `${key}.test.ts`))).toBe(true);
    expect(existsSync(join(__dirname, '..', 'src', folder, `${key}.ts`))).toBe(true);
  });

  // Hook triggers share one subscribe/perform/performList implementation (hookTrigger), which
  // the "hook …" scenarios run; every other operation has a scenario of its own.
  it.each(operations.filter(({ folder }) => folder !== 'triggers'))(
    '$key has a request-count scenario',
    ({ key }) => {
      expect(names.some((name) => name.split(/[ (]/).includes(key))).toBe(true);
    },
  );

  it('hook triggers are covered by the shared hook scenarios', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'hook subscribe',
        'hook perform (a delivery)',
        'hook performList (empty log)',
        'hook unsubscribe',
      ]),
    );
  });
});
