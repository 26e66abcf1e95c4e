import { EXAMPLE_IDS, type Example } from '../../src/example';
import { searchOrCreates } from '../../src/operations';
import { listedOperations, type ListedOperation, type ListedStep } from './operation-examples';

export const OPERATION_DOCS_PATH = 'docs/operations.md';

/** A request of an example with its ids named (`/contacts/:contact`), as a table cell. */
function requestCell(request: string): string {
  const named = Object.entries(EXAMPLE_IDS).reduce(
    (text, [name, id]) => text.split(id).join(`:${name}`),
    request,
  );
  return `\`${named}\``;
}

function requests(example: Example): string {
  return example.requests.map(requestCell).join('<br>');
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

/** The actions or the searches: each with the requests of its example. */
function stepSection(title: string, noun: string, listed: ListedStep[]): string {
  return section(
    title,
    `The requests are those of the example declared beside each ${noun}, in order.`,
    ['Key', 'Name', 'Description', 'Requests (example)'],
    listed.map((operation) => [
      `\`${operation.key}\``,
      ...displayed(operation),
      requests(operation.example),
    ]),
  );
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
    stepSection('Actions', 'action', of('creates')),
    stepSection('Searches', 'search', of('searches')),
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
