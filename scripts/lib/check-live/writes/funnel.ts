/** Moving the test contact's conversation between funnel stages, and back. */
import { statusText } from '../answers';
import type { AccountFacts } from '../read-checks';
import { row, verdictOf, type Change } from '../report';
import type { Session } from '../session';
import { type Findings, type TestContact, byHand } from './context';
import { readContact } from './test-contact';

/** Both documented update_funnel routes, then the app's action; then back where it was. */
export async function funnel(
  session: Session,
  contact: TestContact,
  facts: AccountFacts,
  findings: Findings,
) {
  const doc = 'contacts_api/put_contacts_conversation_update_funnel.md (page: PUT, snippets: POST)';
  const path = (tail: string) => `/contacts/${encodeURIComponent(contact.uuid)}/${tail}`;
  // undefined: Callbell did not show the contact, so its stage is unknown.
  let current: string | null | undefined = contact.funnelId;
  let moved = false;
  const unmovable = !contact.created && current === null;
  const back = contact.funnelId;
  let change: Change | undefined;
  const stageOf = async () => (await readContact(session, contact.uuid))?.funnelId;
  const move = async (id: string, assumes: string, send: (target: string) => Promise<string>) => {
    if (unmovable) {
      findings.rows.push(
        row(
          id,
          doc,
          assumes,
          'not tried: the contact is in no stage, and could not be taken out of one again',
          'could not tell',
        ),
      );
      return;
    }
    const target = facts.funnelUuids.find((uuid) => uuid !== current);
    if (!target) {
      findings.rows.push(
        row(id, doc, assumes, 'no other funnel stage to move to', 'could not tell'),
      );
      return;
    }
    if (!change) {
      change = {
        what: 'moved the test contact between funnel stages',
        restored: false,
        note: 'it was to be moved back at the end',
        undo: byHand(contact, `move the conversation back to the funnel stage ${back ?? '(none)'}`),
      };
      findings.changes.push(change);
    }
    const answered = await send(target);
    current = await stageOf();
    moved ||= current !== contact.funnelId;
    findings.rows.push(
      row(
        id,
        doc,
        assumes,
        `${answered}; the contact is ${current === target ? 'in' : 'not in'} the stage`,
        verdictOf(current === target),
      ),
    );
  };
  const raw = (method: 'PUT' | 'POST', tail: string) => async (target: string) =>
    statusText(await session.raw({ method, path: path(tail), body: { funnel_id: target } }));
  const action = session.step('creates', 'update_conversation_funnel');
  await move(
    'funnels.put-route',
    'PUT /contacts/:uuid/conversation/update_funnel {funnel_id} moves the conversation (the ref page, release note 2025-12-22)',
    raw('PUT', 'conversation/update_funnel'),
  );
  await move(
    'funnels.post-route',
    'POST /contacts/:uuid/messages/update_funnel {funnel_id} moves it too (every snippet)',
    raw('POST', 'messages/update_funnel'),
  );
  await move(
    'funnels.action',
    'Move Conversation to Funnel Stage (update_conversation_funnel) moves it',
    async (target) => {
      const outcome = await session.run(action, { contact_uuid: contact.uuid, funnel_id: target });
      return (
        outcome.error ??
        outcome.exchanges
          .map(
            (exchange) =>
              `${exchange.method} ${exchange.path.replace(contact.uuid, ':uuid')} ${exchange.status}`,
          )
          .join(', ')
      );
    },
  );
  if (!change) return;
  if (!moved) {
    findings.changes.splice(findings.changes.indexOf(change), 1);
    return;
  }
  // Back by the app's action, else by whichever route moves it.
  const ways = [
    () => session.run(action, { contact_uuid: contact.uuid, funnel_id: back }),
    raw('POST', 'messages/update_funnel'),
    raw('PUT', 'conversation/update_funnel'),
  ];
  for (const way of ways) {
    if (!back || current === back) break;
    await way(back);
    current = await stageOf();
  }
  const restored = current === back;
  change.restored = restored;
  change.note = restored
    ? 'back in the stage it was in'
    : contact.created
      ? 'the contact is deleted at the end'
      : current === undefined
        ? 'Callbell did not show the contact, so it is unknown whether it is back'
        : 'no route moved it back';
}
