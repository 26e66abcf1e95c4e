import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Lints each [path, code] in one ESLint run, with the project's config; one list per file. */
const LINT_ALL = `
import { ESLint } from 'eslint';
const cases = JSON.parse(await new Response(process.stdin).text());
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [filePath, code] of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map(({ ruleId, message }) => ruleId + ': ' + message));
}
console.log(JSON.stringify(out));
`;

function lintAll(cases: [string, string][]): string[][] {
  const { stdout, stderr } = spawnSync(
    process.execPath,
    ['--input-type=module', '--eval', LINT_ALL],
    { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8' },
  );
  if (!stdout) throw new Error(stderr);
  return JSON.parse(stdout) as string[][];
}

/** A file at `path` that imports `from`. */
const importing = (path: string, from: string): [string, string] => [
  path,
  `import { x } from '${from}';\nexport const y = x;\n`,
];

const REFUSED: [string, string, string][] = [
  ['src/shapes/x.ts', '../webhooks/events', 'a shape from the webhook layer'],
  ['src/shapes/x.ts', '../api/contacts', 'a shape from the api layer'],
  ['src/api/x.ts', '../fields/common', 'an api file from the fields'],
  ['src/phone.ts', './fields/common', 'phone.ts from the fields'],
  ['src/client/x.ts', '../../index', 'the HTTP layer from the app'],
  ['src/webhooks/x.ts', '../triggers/new_event', 'the webhook layer from a trigger'],
  ['src/creates/x.ts', '../operations', 'an action from the list of operations'],
  ['src/creates/x.ts', '../searches/find_contact', 'an action from a search'],
];

const ALLOWED: [string, string][] = [
  ['src/api/x.ts', '../shapes/contact'],
  ['src/fields/x.ts', '../api/contacts'],
  ['src/webhooks/x.ts', '../api/webhooks'],
  ['src/creates/x.ts', './conversation-action'],
  ['src/creates/x.ts', '../example'],
  ['src/operations.ts', './creates/send_message'],
];

const messages = lintAll([...REFUSED, ...ALLOWED].map(([path, from]) => importing(path, from)));

describe('imports run down the layers only', () => {
  it.each(REFUSED.map((row, index) => [...row, index] as const))(
    '%s may not import %s (%s)',
    (_path, _from, _what, index) => {
      expect(messages[index]).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
    },
  );

  it.each(ALLOWED.map((row, index) => [...row, REFUSED.length + index] as const))(
    '%s may import %s',
    (_path, _from, index) => {
      expect(messages[index]).toEqual([]);
    },
  );
});
