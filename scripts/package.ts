/**
 * `npm run package`: build/build.zip as `zapier push` would upload it, offline of Zapier,
 * then a smoke test of the zip. The CLI's own "Testing build" step passes even on a zip
 * without the app's code, so the zip is unpacked and asked for the app definition.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildZip, definitionInZip, projectPackageJson, ROOT, zipReport } from './lib/build-zip';

async function main() {
  const zip = buildZip('staging', {
    packageJson: projectPackageJson(),
    copy: ['index.js', '.zapierapprc', 'dist/index.js', 'dist/phone-lib.js'],
    lockfile: 'package-lock.json',
  });
  const target = join(ROOT, 'build', 'build.zip');
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(zip.zipPath, target);
  zip.cleanup();
  const definition = await definitionInZip(target);
  const count = (group: string) =>
    Object.keys((definition[group] as object | undefined) ?? {}).length;
  if ((definition.authentication as { type?: string } | undefined)?.type !== 'custom') {
    throw new Error('build.zip does not answer the app definition with its authentication');
  }
  const { bytes, files } = zipReport(target);
  console.log(
    `build/build.zip OK: ${Math.round(bytes / 1024)} KB, ${files} files, version ${String(definition.version)}, ` +
      `${count('triggers')} triggers, ${count('creates')} actions, ${count('searches')} searches.`,
  );
}

main().catch((error: unknown) => {
  console.error(`build/build.zip is broken: ${(error as Error).message}`);
  process.exitCode = 1;
});
