import fc from 'fast-check';
import App from '../../index';
import { pathId } from '../../src/client/path';
import { userListDropdown } from '../../src/dropdowns/user_list';
import { InputError } from '../../src/input-error';
import { CONTROL_CHARACTERS } from '../../src/values';
import { fill } from '../helpers/dropdown';
import { withoutContact } from '../helpers/operations';
import { expectUserFacing, fakeCallbell, outcomeOf, userMessage, type Perform } from './helpers';
import { CONTACT, documentedAnswer, TEMPLATE } from './operations';
import { listedSteps, performOf } from '../../scripts/lib/operation-examples';

/**
 * Item 1: an id that cannot be one path segment never reaches a request; the error names the
 * field. Everything else the docs allow goes through, encoded, as exactly one segment.
 */
const perform = (kind: 'creates' | 'searches', key: string) =>
  (kind === 'creates' ? App.creates : App.searches)[key]?.operation.perform as Perform;

/** Properties run an operation per case; on a busy 2-core machine that takes a while. */
const PROPERTY_TIMEOUT = 30_000;

/** Ids a path would resolve, lose or fail to encode; with spaces around, too. */
const HOSTILE = [
  '.',
  '..',
  ' .. ',
  ' . ',
  '\t..\n',
  'a\u0000b',
  'line\nbreak',
  '\u007f',
  '\ud800',
  'x\udfffy',
];

/**
 * Operations that take a Contact ID (the field `contact_uuid`), each with its example's other
 * input: built from the examples, so a new one is covered without a word here.
 */
const CONTACT_OPERATIONS: [string, Perform, Record<string, unknown>][] = listedSteps()
  .filter(({ definition }) =>
    definition.operation.inputFields?.some(
      (field) => typeof field === 'object' && field.key === 'contact_uuid',
    ),
  )
  .map((listed) => [listed.key, performOf(listed), withoutContact(listed.example.input)]);

/** encodeURIComponent throws URIError on a lone surrogate: the oracle for "cannot be encoded". */
function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function answerAnything() {
  return fakeCallbell((method, path) => [200, documentedAnswer(method, path, 'x')]);
}

describe.each(CONTACT_OPERATIONS)('%s', (_, run, input) => {
  it.each(HOSTILE)('refuses the Contact ID %j before any request, naming the field', async (id) => {
    const seen = answerAnything();
    const { error } = await outcomeOf(run, { ...input, contact_uuid: id });
    expect(error).toBeInstanceOf(InputError);
    expect(expectUserFacing(error)).toMatch(/^Contact: /);
    expect(seen).toEqual([]);
  });
});

// No doc page states a format for contact or message ids (delete_message.md: "UUID or external
// ID"; patch_contacts.md: "The identifier of the contact"): any id that is one segment goes.
it(
  'Update Contact sends any Contact ID that can be one segment of the path, as that segment',
  async () => {
    const [, run, input] = CONTACT_OPERATIONS.find(([key]) => key === 'update_contact') ?? [];
    if (!run || !input) throw new Error('update_contact takes no Contact ID');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.constantFrom(CONTACT, CONTACT.toUpperCase(), 'ext-42', 'a/b', '%2e%2e'),
        ),
        async (id) => {
          const trimmed = id.trim();
          fc.pre(trimmed !== '');
          const seen = answerAnything();
          const { error } = await outcomeOf(run, { ...input, contact_uuid: id });
          const unusable =
            trimmed === '.' ||
            trimmed === '..' ||
            CONTROL_CHARACTERS.test(trimmed) ||
            !encodable(trimmed);
          if (unusable) {
            expect(error).toBeInstanceOf(InputError);
            expect(userMessage(error)).toMatch(/^Contact: /);
            expect(seen).toEqual([]);
          } else {
            expect(seen[0]?.path.split('/').slice(0, 4)).toEqual([
              '',
              'v1',
              'contacts',
              encodeURIComponent(trimmed),
            ]);
          }
        },
      ),
      { numRuns: 30 },
    );
  },
  PROPERTY_TIMEOUT,
);

describe('WhatsApp User (Find Contact)', () => {
  const findContact = perform('searches', 'find_contact');

  it(
    'takes any BSUID the docs allow, dots included, as exactly one path segment',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.constantFrom('US.1349.2', 'bsuid_abc123', '...', 'a/b', '%2e%2e'),
          ),
          async (bsuid) => {
            const seen = answerAnything();
            const { error } = await outcomeOf(findContact, { bsuid });
            // The field is trimmed first, as every text input is (a tab around it is no part).
            const trimmed = bsuid.trim();
            const unusable =
              trimmed === '.' ||
              trimmed === '..' ||
              CONTROL_CHARACTERS.test(trimmed) ||
              !encodable(trimmed);
            if (!trimmed) {
              expect(userMessage(error)).toMatch(/^Phone Number: fill in a phone number/);
            } else if (unusable) {
              expect(error).toBeInstanceOf(InputError);
              expect(userMessage(error)).toMatch(/^WhatsApp User: /);
              expect(seen).toEqual([]);
            } else {
              expect(error).toBeUndefined();
              expect(seen.map((request) => request.path)).toEqual([
                `/v1/contacts/bsuid/${encodeURIComponent(trimmed)}`,
              ]);
            }
          },
        ),
        { numRuns: 30 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('Message ID (Find Message Status) and Template (Send Template Message)', () => {
  it.each(HOSTILE)('refuses the Message ID %j', async (id) => {
    const seen = answerAnything();
    const { error } = await outcomeOf(perform('searches', 'find_message_status'), {
      message_uuid: id,
    });
    expect(userMessage(error)).toMatch(/^Message ID: /);
    expect(seen).toEqual([]);
  });

  it.each(['ext-42', `${CONTACT}0`])('sends the Message ID %j as one segment', async (id) => {
    const seen = answerAnything();
    await outcomeOf(perform('searches', 'find_message_status'), { message_uuid: id });
    expect(seen.map((request) => request.path)).toEqual([`/v1/messages/status/${id}`]);
  });

  it.each(HOSTILE)('refuses the Template %j', async (id) => {
    const seen = answerAnything();
    const { error } = await outcomeOf(perform('creates', 'send_template_message'), {
      to: '+31612345678',
      template_uuid: id,
      optin_contact: true,
    });
    expect(userMessage(error)).toMatch(/^Template: /);
    expect(seen).toEqual([]);
  });

  it('sends a template id of any other form as one segment', async () => {
    const seen = answerAnything();
    await outcomeOf(perform('creates', 'send_template_message'), {
      to: '+31612345678',
      template_uuid: `${TEMPLATE}?x=1#y/..`,
      optin_contact: true,
      template_value_1: 'Ana',
    });
    expect(seen[0]?.path).toBe(`/v1/templates/${encodeURIComponent(`${TEMPLATE}?x=1#y/..`)}`);
  });
});

describe("ids from Callbell's answers", () => {
  it.each(['..', '.', '', 'a\nb'])('a team uuid %j is not put into a path', async (uuid) => {
    const seen = fakeCallbell((_, path) =>
      path.startsWith('/v1/teams?') || path === '/v1/teams'
        ? [200, { teams: [{ uuid, name: 'Odd' }], meta: { page: 1, pages: 1 } }]
        : [200, { users: [], meta: { page: 1, pages: 1 } }],
    );
    const error = await fill(userListDropdown).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(expectUserFacing(error)).toMatch(/^Callbell's answer gave a team ID /);
    expect(seen.map((request) => request.path)).toEqual(['/v1/teams?page=1']);
  });

  it.each(['..', 'a\nb', ' '])(
    'a contact uuid %j found by phone is not put into a path',
    async (uuid) => {
      const seen = fakeCallbell(() => [200, { contact: { uuid, name: 'Ana' } }]);
      const { error } = await outcomeOf(perform('creates', 'set_bot_status'), {
        phone: '+31612345678',
        status: 'bot_end',
      });
      expect(expectUserFacing(error)).toMatch(/^Callbell's answer gave a contact ID /);
      expect(seen.map((request) => request.method)).toEqual(['GET']);
    },
  );
});

it('pathId: the only ids refused are those the docs rule out', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (id) => {
      let segment: string | undefined;
      try {
        segment = pathId(id, { label: 'X', from: 'input' });
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
      if (segment === undefined) return;
      expect(segment).not.toMatch(/^\.{1,2}$|\/|^$/);
      expect(decodeURIComponent(segment)).toBe(id);
    }),
    { numRuns: 3000 },
  );
});
