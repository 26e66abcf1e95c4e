import { EXAMPLE_IDS } from '../../src/example';
import { searchOrCreates } from '../../src/operations';
import { listedOperations, type ListedOperation } from './operation-examples';

export const OPERATION_DOCS_PATH = 'docs/operations.md';

/** A request of an example with its ids named (`/contacts/:contact`), as a table cell. */
function requestCell(request: string): string {
  const named = Object.entries(EXAMPLE_IDS).reduce(
    (text, [name, id]) => text.split(id).join(`:${name}`),
    request,
  );
  return `\`${named}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function displayed({ definition }: ListedOperation): [string, string] {
  return [cell(definition.display.label ?? ''), cell(definition.display.description ?? '')];
}

function section(title: string, intro: string, headers: string[], rows: string[][]): string {
  return `## ${title}\n\n${intro}\n\n${table(headers, rows)}\n`;
}

/**
 * docs/operations.md: what the app offers, from the list of operations and each one's example.
 * `npm run docs` writes it; test/scripts/operation-docs.test.ts fails when it is stale.
 */
export function operationDocs(): string {
  const listed = listedOperations();
  const of = <K extends ListedOperation['kind']>(kind: K) =>
    listed.filter(
      (operation): operation is Extract<ListedOperation, { kind: K }> => operation.kind === kind,
    );
  const requests = (example: { requests: string[] }) =>
    example.requests.map(requestCell).join('<br>');
  return [
    '# Operations',
    '',
    "<!-- Written by `npm run docs` from src/operations.ts and each operation's example; do not edit. -->",
    '',
    section(
      'Instant triggers',
      "Each subscribes the Zap to Callbell's webhook and reads one kind of event (New Event: the ones chosen).",
      ['Key', 'Name', 'Description', 'Example event'],
      of('triggers').map((operation) => [
        `\`${operation.key}\``,
        ...displayed(operation),
        `\`${operation.example.event}\``,
      ]),
    ),
    section(
      'Actions',
      'The requests are those of the example declared beside each action, in order.',
      ['Key', 'Name', 'Description', 'Requests (example)'],
      of('creates').map((operation) => [
        `\`${operation.key}\``,
        ...displayed(operation),
        requests(operation.example),
      ]),
    ),
    section(
      'Searches',
      'The requests are those of the example declared beside each search, in order.',
      ['Key', 'Name', 'Description', 'Requests (example)'],
      of('searches').map((operation) => [
        `\`${operation.key}\``,
        ...displayed(operation),
        requests(operation.example),
      ]),
    ),
    section(
      'Search or create',
      'Offered in the Zap editor as one step.',
      ['Key', 'Name', 'Search', 'Create', 'Update'],
      Object.values(searchOrCreates).map(({ key, display, search, create, update }) => [
        `\`${key}\``,
        cell(display.label ?? ''),
        `\`${search}\``,
        `\`${create}\``,
        update ? `\`${update}\`` : '',
      ]),
    ),
    section(
      'Dropdowns',
      'Hidden polling triggers that fill the dynamic dropdowns, and the requests of their first page.',
      ['Key', 'Requests (first page)'],
      of('dropdowns').map((operation) => [`\`${operation.key}\``, requests(operation.example)]),
    ),
  ].join('\n');
}
