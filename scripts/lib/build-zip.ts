import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';

export const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');

function sh(command: string, args: string[], cwd: string) {
  execFileSync(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ''}` },
  });
}

export interface ZipSource {
  packageJson: object;
  /** Project files and folders to copy as they are. */
  copy?: string[];
  /** Files to write with this content (path → text). */
  write?: Record<string, string>;
  /** The project's lockfile to install from, for the same versions as in development. */
  lockfile?: string;
}

export interface BuiltZip {
  /** The zip, inside the staging folder. */
  zipPath: string;
  /** Removes the staging folder, the zip with it. */
  cleanup: () => void;
}

/**
 * Builds build.zip the way `zapier push` does, offline of Zapier: the app's files in a
 * staging folder with a production-only install, so no dev dependency lands in the zip.
 * Call `cleanup` once done with the zip.
 */
export function buildZip(
  name: string,
  { packageJson, copy = [], write = {}, lockfile }: ZipSource,
): BuiltZip {
  // Outside the project, or the CLI's bundler would reach the project's node_modules.
  const tempDir = mkdtempSync(join(tmpdir(), 'callbell-build-'));
  const stage = join(tempDir, name);
  mkdirSync(stage, { recursive: true });
  writeFileSync(join(stage, 'package.json'), JSON.stringify(packageJson, null, 2));
  writeFileSync(join(stage, '.gitignore'), 'node_modules\nbuild\n');
  if (lockfile) cpSync(join(ROOT, lockfile), join(stage, 'package-lock.json'));
  for (const file of copy) cpSync(join(ROOT, file), join(stage, file), { recursive: true });
  for (const [file, text] of Object.entries(write)) writeFileSync(join(stage, file), text);
  sh(
    'npm',
    [
      lockfile ? 'ci' : 'install',
      '--omit=dev',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ],
    stage,
  );
  sh('zapier-platform', ['build', '--skip-dep-install', '--skip-validation'], stage);
  return {
    zipPath: join(stage, 'build', 'build.zip'),
    cleanup: () => rmSync(tempDir, { recursive: true, force: true }),
  };
}

export interface ZipReport {
  bytes: number;
  files: number;
  /** Uncompressed bytes by top-level part: the app's own files, or one npm package each. */
  byPart: Map<string, number>;
}

export function zipReport(path: string): ZipReport {
  const entries = new AdmZip(path).getEntries().filter((entry) => !entry.isDirectory);
  const byPart = new Map<string, number>();
  for (const entry of entries) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry.entryName);
    const part = match ? (match[1] ?? 'app') : '(app)';
    byPart.set(part, (byPart.get(part) ?? 0) + entry.header.size);
  }
  return { bytes: statSync(path).size, files: entries.length, byPart };
}

/** Unpacks a build.zip and asks its entry point for the app definition, as Zapier's runtime does. */
export async function definitionInZip(path: string): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'callbell-zip-'));
  try {
    new AdmZip(path).extractAllTo(dir, true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(join(dir, 'zapierwrapper.js')) as {
      handler: (
        event: object,
        context: object,
        callback: (error: Error | null, response: { results: Record<string, unknown> }) => void,
      ) => void;
    };
    return await new Promise((resolve, reject) =>
      handler({ command: 'definition', calledFromCli: true }, {}, (error, response) =>
        error ? reject(error) : resolve(response.results),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function projectPackageJson(): Record<string, unknown> {
  const { name, version, description, main, license, engines, dependencies } = JSON.parse(
    readFileSync(join(ROOT, 'package.json'), 'utf8'),
  ) as Record<string, unknown>;
  // No scripts: dist/ is already compiled, and the CLI would run `_zapier-build` again.
  return { name, version, description, main, license, engines, private: true, dependencies };
}
