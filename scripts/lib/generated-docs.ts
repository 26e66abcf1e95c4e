import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-zip';

/**
 * Replaces everything under a docs page's "written by" line with a script's report, so the
 * figures there always come from one run, never from hand copies.
 */
export function writeGenerated(page: string, command: string, report: string): void {
  const line = `<!-- Written by \`${command}\`: do not edit below this line. -->`;
  const text = readFileSync(page, 'utf8');
  const kept = text.includes(line) ? text.slice(0, text.indexOf(line)) : `${text}\n`;
  writeFileSync(page, `${kept}${line}\n\n${report.trim()}\n`);
  execFileSync(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--write', page]);
  console.log(`\nWritten to ${page}.`);
}
