import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The built app loads libphonenumber-js from a file of its own on the first phone number
// (src/phone-lib.ts), so a cold start compiles half the code it would otherwise. Zapier's
// build packs only what it finds required from the entry point: the CLI's own tracer must find
// that file, or every phone field would fail once pushed.

const ROOT = join(__dirname, '..', '..');

interface ZapierBuild {
  findRequiredFiles(workingDir: string, entryPoints: string[]): Promise<Iterable<string>>;
}

it("Zapier's build packs dist/phone-lib.js, which the bundle requires instead of holding libphonenumber-js", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require('zapier-platform-cli/src/utils/build') as ZapierBuild;
  const found = await build.findRequiredFiles(ROOT, [join(ROOT, 'dist', 'index.js')]);
  // Paths relative to the working directory, as the zip holds them.
  expect([...found]).toEqual(expect.arrayContaining(['dist/index.js', 'dist/phone-lib.js']));
  const bundle = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8');
  expect(bundle).toContain('require("./phone-lib")');
  expect(bundle).not.toContain('country_calling_codes');
});
