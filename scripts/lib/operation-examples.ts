import { join } from 'node:path';
import type { Create, Search } from 'zapier-platform-core';
import { CALLBELL_EVENTS } from '../../src/api/webhooks';
import type { DropdownTrigger } from '../../src/dropdowns/dropdown-trigger';
import type { Example, HookExample } from '../../src/example';
import { creates, dropdowns, hookTriggers, searches, type Perform } from '../../src/operations';
import { isObject } from '../../src/values';
import type { HookTrigger } from '../../src/webhooks/hook-trigger';

/** Every operation src/operations.ts lists, with the example declared in its file. */
export type ListedOperation =
  | { kind: 'triggers'; key: string; definition: HookTrigger; example: HookExample }
  | { kind: 'dropdowns'; key: string; definition: DropdownTrigger; example: Example }
  | { kind: 'creates'; key: string; definition: Create; example: Example }
  | { kind: 'searches'; key: string; definition: Search; example: Example };

/** An action or search: what names a contact, sends or finds. */
export type ListedStep = Extract<ListedOperation, { kind: 'creates' | 'searches' }>;

const SRC = join(__dirname, '..', '..', 'src');

/**
 * What the operation's own file exports. The list of operations names each declaration; its
 * example is found by the file the key names (src/<kind>/<key>.ts, which test/layout.test.ts
 * requires), so adding an operation touches no second list.
 */
function exportsOf(kind: string, key: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported: unknown = require(join(SRC, kind, key));
  return isObject(exported) ? exported : {};
}

function missing(kind: string, key: string, what: string): Error {
  return new Error(
    `src/${kind}/${key}.ts exports no valid \`example\` (${what}): declare one at the end of the file (docs/architecture.md)`,
  );
}

function isInput(value: unknown): value is Record<string, unknown> {
  return isObject(value);
}

export function exampleOf(kind: string, key: string): Example {
  const { example } = exportsOf(kind, key);
  if (!isObject(example) || !isInput(example.input)) throw missing(kind, key, 'no input');
  const { requests } = example;
  if (!Array.isArray(requests) || !requests.every((r) => /^[A-Z]+ \/\S*$/.test(String(r))))
    throw missing(kind, key, 'requests are "METHOD /path" lines');
  return { input: example.input, requests: requests.map(String) };
}

export function hookExampleOf(key: string): HookExample {
  const { example } = exportsOf('triggers', key);
  if (!isObject(example) || !isInput(example.input)) throw missing('triggers', key, 'no input');
  const event = CALLBELL_EVENTS.find((known) => known === example.event);
  if (!event) throw missing('triggers', key, 'event is not a Callbell event');
  return { input: example.input, event };
}

/** Every operation, in the order the list gives them. Throws when one lacks its example. */
export function listedOperations(): ListedOperation[] {
  return [
    ...hookTriggers.map((definition) => ({
      kind: 'triggers' as const,
      key: definition.key,
      definition,
      example: hookExampleOf(definition.key),
    })),
    ...dropdowns.map((definition) => ({
      kind: 'dropdowns' as const,
      key: definition.key,
      definition,
      example: exampleOf('dropdowns', definition.key),
    })),
    ...Object.values(creates).map((definition) => ({
      kind: 'creates' as const,
      key: definition.key,
      definition,
      example: exampleOf('creates', definition.key),
    })),
    ...Object.values(searches).map((definition) => ({
      kind: 'searches' as const,
      key: definition.key,
      definition,
      example: exampleOf('searches', definition.key),
    })),
  ];
}

/** The actions and searches, with their examples. */
export function listedSteps(): ListedStep[] {
  return listedOperations().filter(
    (listed): listed is ListedStep => listed.kind === 'creates' || listed.kind === 'searches',
  );
}

/** The function an action or search runs (each of this app's is code, not a request template). */
export function performOf({ kind, key, definition }: ListedStep): Perform {
  const { perform } = definition.operation;
  if (typeof perform !== 'function') throw new Error(`${kind}.${key}: perform is not a function`);
  return async (z, bundle) => perform(z, bundle);
}
