/**
 * What the Zap editor's "Test trigger" shows for an instant trigger: its `performList`, run
 * through core's app tester against the account in `.env`. `zapier-platform invoke trigger`
 * cannot show it: invoke always runs `perform`, which for a hook trigger reads a delivery that
 * a command line never has (cli `invoke/action.js`: "{actionTypePlural}.{actionKey}.operation.perform").
 *
 *   npm run test-trigger -- message_created
 *   npm run test-trigger -- new_event '{"events": ["contact_created"]}'
 */
import { readFileSync } from 'node:fs';
import { createAppTester } from 'zapier-platform-core';
import type { Perform } from '../src/operations';

/** `.env` as invoke reads it: `authData_api_key=…`, `CALLBELL_API_URL=…`. */
function readDotEnv(): Record<string, string> {
  let text: string;
  try {
    text = readFileSync('.env', 'utf8');
  } catch {
    return {};
  }
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^\s*([\w.]+)\s*=\s*(.*?)\s*$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

async function main() {
  const [key, input = '{}'] = process.argv.slice(2);
  const env = readDotEnv();
  if (env.CALLBELL_API_URL) process.env.CALLBELL_API_URL ??= env.CALLBELL_API_URL;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('../index.js') as {
    triggers: Record<string, { operation: { performList?: Perform } }>;
  };
  const performList = key ? app.triggers[key]?.operation.performList : undefined;
  if (!performList) {
    throw new Error(`Usage: npm run test-trigger -- <instant trigger key> ['{"field":"value"}']`);
  }
  const apiKey = process.env.authData_api_key ?? env.authData_api_key;
  if (!apiKey) throw new Error('Put authData_api_key=YOUR_KEY in .env first.');
  const results = await createAppTester(app)(performList, {
    authData: { api_key: apiKey },
    inputData: JSON.parse(input) as Record<string, unknown>,
    meta: { isLoadingSample: true },
  });
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
