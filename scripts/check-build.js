// Smoke test of build/build.zip, the file `zapier push` uploads: the CLI's own "Testing
// build" step passes even on a zip without the app's code, so unpack it and ask the zip's
// entry point for the app definition the way Zapier's runtime does.
const { mkdtempSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const AdmZip = require('adm-zip');

const zipPath = join(__dirname, '..', 'build', 'build.zip');

function definitionFrom(dir) {
  const { handler } = require(join(dir, 'zapierwrapper.js'));
  return new Promise((resolve, reject) => {
    handler({ command: 'definition', calledFromCli: true }, {}, (error, response) =>
      error ? reject(error) : resolve(response.results),
    );
  });
}

async function main() {
  const zip = new AdmZip(zipPath);
  const dir = mkdtempSync(join(tmpdir(), 'callbell-build-'));
  try {
    zip.extractAllTo(dir, true);
    const definition = await definitionFrom(dir);
    const count = (group) => Object.keys(definition[group] ?? {}).length;
    if (definition.authentication?.type !== 'custom') {
      throw new Error('build.zip does not answer the app definition with its authentication');
    }
    const sizeKb = Math.round(statSync(zipPath).size / 1024);
    console.log(
      `build/build.zip OK: ${sizeKb} KB, ${zip.getEntries().length} files, version ${definition.version}, ` +
        `${count('triggers')} triggers, ${count('creates')} actions, ${count('searches')} searches.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`build/build.zip is broken: ${error.message}`);
  process.exit(1);
});
