import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATION_DOCS_PATH, operationDocs } from '../../scripts/lib/operation-docs';

describe('docs/operations.md', () => {
  it('is what `npm run docs` writes from the operations and their examples (run it)', () => {
    const written = readFileSync(join(__dirname, '..', '..', OPERATION_DOCS_PATH), 'utf8');
    expect(written).toBe(operationDocs());
  });

  it('names every action with the requests of its example', () => {
    expect(operationDocs()).toContain('| `add_conversation_note` | Add Note to Conversation |');
    expect(operationDocs()).toContain('`POST /contacts/:contact/conversation/note`');
  });
});
