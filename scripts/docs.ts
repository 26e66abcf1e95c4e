/** `npm run docs`: writes docs/operations.md from the list of operations and their examples. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATION_DOCS_PATH, operationDocs } from './lib/operation-docs';

// Run from dist/scripts/: the repository is two folders up.
writeFileSync(join(__dirname, '..', '..', OPERATION_DOCS_PATH), operationDocs());
console.log(`Wrote ${OPERATION_DOCS_PATH}.`);
