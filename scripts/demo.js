// `npm run demo`: builds, validates and packages the app, then prints what it offers.
// Runs on a fresh clone with no Callbell account.
const { execSync } = require('node:child_process');
const { join } = require('node:path');

function step(title, command) {
  console.log(`\n▶ ${title}\n  $ ${command}`);
  execSync(command, { stdio: 'inherit', cwd: join(__dirname, '..') });
}

function listOperations(title, group) {
  const entries = Object.values(group ?? {}).filter((operation) => !operation.display.hidden);
  console.log(`\n${title} (${entries.length})`);
  for (const { key, display } of entries) {
    console.log(`  ${key.padEnd(28)} ${display.label}: ${display.description}`);
  }
}

step('Validate the app definition (offline checks)', 'npm run --silent validate');
step(
  'Package build/build.zip as `zapier push` would, and smoke-test it',
  'npm run --silent package',
);

const app = require('../dist/index.js');
console.log(`\nCallbell for Zapier ${app.version} on zapier-platform-core ${app.platformVersion}`);
listOperations('Triggers', app.triggers);
listOperations('Actions', app.creates);
listOperations('Searches', app.searches);
