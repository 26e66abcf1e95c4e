import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seed } from '../sandbox/callbell/seed';
import { EXAMPLE_IDS } from '../src/example';
import { creates, dropdowns, hookTriggers, searches } from '../src/operations';
import { exampleOf, hookExampleOf } from '../scripts/lib/operation-examples';

/**
 * The recipe for adding an operation (docs/architecture.md), enforced: every operation has its
 * file and its unit test, each mirroring its key, and declares the example the robustness
 * suites, the contact-action tests, the request-count scenarios and docs/operations.md are
 * built from.
 */
const operations = [
  ...hookTriggers.map(({ key }) => ({ key, folder: 'triggers' })),
  ...dropdowns.map(({ key }) => ({ key, folder: 'dropdowns' })),
  ...Object.keys(creates).map((key) => ({ key, folder: 'creates' })),
  ...Object.keys(searches).map((key) => ({ key, folder: 'searches' })),
];

describe('every operation', () => {
  it.each(operations)('$key has a unit test in test/$folder/', ({ key, folder }) => {
    expect(existsSync(join(__dirname, folder, `${key}.test.ts`))).toBe(true);
    expect(existsSync(join(__dirname, '..', 'src', folder, `${key}.ts`))).toBe(true);
  });

  it.each(operations)('$key declares its example at the end of its file', ({ key, folder }) => {
    const example = folder === 'triggers' ? hookExampleOf(key) : exampleOf(folder, key);
    expect(example.input).toBeInstanceOf(Object);
    // Only a dropdown of a local list (countries) may ask Callbell nothing.
    if ('requests' in example && folder !== 'dropdowns') {
      expect(example.requests.length).toBeGreaterThan(0);
    }
  });
});

describe('example ids', () => {
  const seeded = JSON.stringify(seed);

  // The message is the docs' example; the sandbox has none until a message is sent.
  it.each(Object.entries(EXAMPLE_IDS).filter(([name]) => name !== 'message'))(
    '%s is a record the sandbox seeds, so examples run against it',
    (_name, id) => {
      expect(seeded).toContain(JSON.stringify(id.replace(/^\+/, '')));
    },
  );
});
