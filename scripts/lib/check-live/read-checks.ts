import { isObject, type JsonObject } from '../../../src/values';
import {
  isSuccess,
  keysOf,
  listIn,
  metaOf,
  recordIn,
  statusText,
  verdictFrom,
  wrapping,
} from './answers';
import { row, verdictOf, type Row } from './report';
import { exchangeOf, type Exchange, type Session } from './session';

// Docs named in rows are in callbellchat/callbell-public-docs, under docs/api/reference/.

/** What the read-only checks learn that the writes need. */
export interface AccountFacts {
  /** The connection's label, shown before any change is confirmed. */
  account: string;
  /** The WhatsApp channel sends name: the main one if it is WhatsApp. */
  mainChannelUuid?: string;
  templates: JsonObject[];
  funnelUuids: string[];
  /** Tags seen on the first page of contacts: the account's own, as Callbell spells them. */
  tags: string[];
  /** Text custom fields seen in the first page's customFieldsMetadata (include_field_types). */
  textFields: string[];
}

const DROPDOWN = { meta: { page: 0, isFillingDynamicDropdown: true } };

/** A number reserved for fiction (NANP 555-01XX): no real contact has it. */
const UNKNOWN_NUMBER = '+14155550199';

type Check = (session: Session, facts: AccountFacts) => Promise<Row[]>;

const dropdown = (session: Session, key: string) =>
  session.run<JsonObject[]>(session.step('triggers', key), {}, DROPDOWN);

/** Whether `page=2` gives the second page: Callbell documents `page` on few of its lists. */
async function pageRow(
  session: Session,
  id: string,
  doc: string,
  list: { path: string; key: string; first: Exchange | undefined; label?: string },
): Promise<Row> {
  const assumes = `GET ${list.label ?? list.path} takes \`page\` (from 1) and says in meta.pages how many there are: the dropdown's "load more" asks for the next page`;
  const firstMeta = metaOf(list.first?.body);
  if (!list.first || !isSuccess(list.first))
    return row(id, doc, assumes, `page 1: ${statusText(list.first)}`, 'could not tell');
  const second = await session.raw({ method: 'GET', path: list.path, params: { page: '2' } });
  const secondMeta = metaOf(second.body);
  const uuids = (exchange: Exchange) =>
    (listIn(exchange.body, list.key) ?? []).map((item) => String(item.uuid ?? item.email));
  const firstItems = uuids(list.first);
  const secondItems = uuids(second);
  const repeated = secondItems.length > 0 && secondItems.every((item) => firstItems.includes(item));
  const answered = `page 1: meta ${JSON.stringify(firstMeta)}, ${firstItems.length} items; page 2: ${statusText(second)}, meta ${JSON.stringify(secondMeta)}, ${secondItems.length} items`;
  if (!firstMeta || typeof firstMeta.pages !== 'number')
    return row(id, doc, assumes, answered, 'does not hold');
  // One page only: `page` is read if page 2 says so or is empty.
  const honoured =
    isSuccess(second) && !repeated && (secondMeta?.page === 2 || !secondItems.length);
  return row(id, doc, assumes, answered, verdictOf(honoured));
}

const auth: Check = async (session, facts) => {
  const outcome = await session.run<JsonObject>(session.authTest());
  const me = exchangeOf(outcome, 'GET', /^\/auth\/me$/);
  const value = outcome.value ?? {};
  const holds = typeof value.user_email === 'string' && typeof value.user_name === 'string';
  if (holds) facts.account = `${String(value.user_name)} (${String(value.user_email)})`;
  const assumes =
    'GET /auth/me answers 200 with user_email and user_name: the connection test and its label';
  // No answer at all (no network, wrong URL) says nothing about the assumption.
  if (!me)
    return [
      row(
        'auth.me',
        'auth_api/me.md',
        assumes,
        `no answer: ${outcome.error}`,
        'could not be checked',
      ),
    ];
  return [
    row(
      'auth.me',
      'auth_api/me.md',
      assumes,
      `${statusText(me)}; keys: ${keysOf(me.body)}${outcome.error ? `; the test failed: ${outcome.error}` : ''}`,
      verdictOf(holds && !outcome.error),
    ),
  ];
};

const channels: Check = async (session, facts) => {
  const outcome = await dropdown(session, 'channel_list');
  const answer = exchangeOf(outcome, 'GET', /^\/channels$/);
  const list = listIn(answer?.body, 'channels');
  // The test number is a WhatsApp number: the main WhatsApp channel, else any WhatsApp one.
  const whatsapp = (list ?? []).filter((channel) => channel.type === 'whatsapp');
  const main = whatsapp.find((channel) => channel.main === true) ?? whatsapp[0];
  if (typeof main?.uuid === 'string') facts.mainChannelUuid = main.uuid;
  const uuids = (list ?? []).map((channel) => String(channel.uuid));
  const hex = uuids.filter((uuid) => /^[0-9a-f]{32}$/.test(uuid));
  const discarded = (list ?? []).filter((channel) => Boolean(channel.discardedAt));
  return [
    row(
      'channels.list',
      'channels_api/get_channels.md',
      'GET /channels?active=true&page=1 answers {channels: [...], meta: {page, pages}}; the Channel dropdown lists them',
      `${statusText(answer)}; ${list?.length ?? 'no'} channels; meta ${JSON.stringify(metaOf(answer?.body))}; dropdown: ${outcome.value?.length ?? outcome.error}`,
      verdictFrom(
        answer,
        isSuccess(answer) && list !== null && metaOf(answer?.body) !== null && !outcome.error,
      ),
    ),
    row(
      'channels.uuid-format',
      'channels_api/get_channels.md (32 hex) vs the send snippet messages_api/post_send_messages.md (dashed)',
      'channel uuids are 32 lowercase hex characters, as GET /channels shows them; the app sends them as given',
      `${hex.length} of ${uuids.length} channel uuids are 32 hex`,
      uuids.length ? verdictOf(hex.length === uuids.length) : 'could not tell',
    ),
    row(
      'channels.active',
      'channels_api/get_channels.md, object_types/channel.md (discardedAt)',
      '`active=true` leaves out discarded channels (those with discardedAt set)',
      `${discarded.length} of ${uuids.length} active channels have discardedAt set`,
      uuids.length ? verdictOf(discarded.length === 0) : 'could not tell',
    ),
  ];
};

const templates: Check = async (session, facts) => {
  const outcome = await dropdown(session, 'template_list');
  const answer = exchangeOf(outcome, 'GET', /^\/templates$/);
  facts.templates = listIn(answer?.body, 'templates') ?? [];
  const titled = facts.templates.filter(
    (template) => typeof template.uuid === 'string' && typeof template.title === 'string',
  );
  return [
    await pageRow(session, 'templates.page', 'template_messages_api/get_templates.md', {
      path: '/templates',
      key: 'templates',
      first: answer,
    }),
    row(
      'templates.title',
      'object_types/template.md (no `title` row) vs every template example',
      'each template has uuid and title: the Template dropdown labels with the title',
      `${statusText(answer)}; ${titled.length} of ${facts.templates.length} templates have both; keys of the first: ${keysOf(facts.templates[0])}`,
      facts.templates.length
        ? verdictOf(titled.length === facts.templates.length)
        : 'could not tell',
    ),
    await oneTemplate(session, facts.templates[0]),
  ];
};

/** GET /templates/:uuid, which Send Template Message reads for the template's placeholders. */
async function oneTemplate(session: Session, first: JsonObject | undefined): Promise<Row> {
  const id = 'templates.get';
  const doc = 'template_messages_api/get_template.md';
  const assumes =
    "GET /templates/:uuid answers the template with its text, as an object (the example) or a one-element list (the table's Template[]): Send Template Message's fields come from it";
  if (typeof first?.uuid !== 'string')
    return row(id, doc, assumes, 'no template to read', 'could not tell');
  const answer = await session.raw({
    method: 'GET',
    path: `/templates/${encodeURIComponent(first.uuid)}`,
  });
  const wrapped = isObject(answer.body) ? answer.body.template : undefined;
  const template = recordIn(answer.body, 'template');
  return row(
    id,
    doc,
    assumes,
    `${statusText(answer)}; template as ${wrapping(wrapped)} with keys: ${keysOf(template)}`,
    verdictFrom(answer, typeof template?.text === 'string'),
  );
}

const teams: Check = async (session) => {
  const outcome = await dropdown(session, 'team_list');
  const answer = exchangeOf(outcome, 'GET', /^\/teams$/);
  const users = await dropdown(session, 'user_list');
  const members = exchangeOf(users, 'GET', /^\/teams\/[^/]+\/members$/);
  const rows = [
    await pageRow(session, 'teams.page', 'teams_api/get_teams.md', {
      path: '/teams',
      key: 'teams',
      first: answer,
    }),
    row(
      'teams.members',
      'teams_api/get_team_members.md',
      "GET /teams/:uuid/members?page=n answers {users: [...], meta}: the User dropdown reads every team's members",
      members
        ? `${statusText(members)}; ${listIn(members.body, 'users')?.length ?? 'no'} users; meta ${JSON.stringify(metaOf(members.body))}; dropdown: ${users.value?.length ?? users.error}`
        : 'no team to read members of',
      members
        ? verdictFrom(
            members,
            isSuccess(members) && listIn(members.body, 'users') !== null && !users.error,
          )
        : 'could not tell',
    ),
  ];
  if (members)
    rows.push(
      await pageRow(session, 'teams.members-page', 'teams_api/get_team_members.md', {
        path: members.path,
        label: '/teams/:uuid/members',
        key: 'users',
        first: members,
      }),
    );
  return rows;
};

const funnels: Check = async (session, facts) => {
  const outcome = await dropdown(session, 'funnel_list');
  const answer = exchangeOf(outcome, 'GET', /^\/funnels$/);
  const list = listIn(answer?.body, 'funnels');
  facts.funnelUuids = (list ?? []).flatMap((funnel) =>
    typeof funnel.uuid === 'string' ? [funnel.uuid] : [],
  );
  return [
    row(
      'funnels.list',
      'funnels_api/get_funnels.md',
      'GET /funnels answers {funnels: [...]} in one answer (no pages), each stage with uuid and name',
      `${statusText(answer)}; ${list?.length ?? 'no'} stages; keys of the first: ${keysOf(list?.[0])}; dropdown: ${outcome.value?.length ?? outcome.error}`,
      verdictFrom(
        answer,
        isSuccess(answer) &&
          list !== null &&
          list.every((funnel) => typeof funnel.uuid === 'string') &&
          !outcome.error,
      ),
    ),
  ];
};

const contacts: Check = async (session, facts) => {
  const plain = await session.raw({ method: 'GET', path: '/contacts', params: { page: '1' } });
  const list = listIn(plain.body, 'contacts');
  const typed = await session.raw({
    method: 'GET',
    path: '/contacts',
    params: { page: '1', include_field_types: 'true' },
  });
  const typedList = listIn(typed.body, 'contacts');
  facts.tags = [
    ...new Set(
      (list ?? []).flatMap((contact) =>
        Array.isArray(contact.tags) ? contact.tags.map(String) : [],
      ),
    ),
  ];
  const wellTyped = (list ?? []).filter(
    (contact) => Array.isArray(contact.tags) && isObject(contact.customFields ?? {}),
  );
  const withMetadata = (typedList ?? []).filter((contact) =>
    isObject(contact.customFieldsMetadata),
  );
  const withoutFlag = (list ?? []).filter((contact) => 'customFieldsMetadata' in contact);
  facts.textFields = [
    ...new Set(
      withMetadata.flatMap((contact) =>
        Object.entries(contact.customFieldsMetadata as JsonObject)
          .filter(([, described]) => isObject(described) && described.type === 'text')
          .map(([name]) => name),
      ),
    ),
  ];
  return [
    row(
      'contacts.list',
      'contacts_api/get_contacts.md, object_types/contact.md (tags and customFields typed "string")',
      'GET /contacts?page=1 answers {contacts: [...]}, each with tags as a list and customFields as an object',
      `${statusText(plain)}; ${list?.length ?? 'no'} contacts, ${wellTyped.length} so typed; meta ${JSON.stringify(metaOf(plain.body))}`,
      verdictFrom(plain, isSuccess(plain) && list !== null && wellTyped.length === list.length),
    ),
    row(
      'contacts.include_field_types',
      'contacts_api/get_contacts.md, release note 2026-03-03',
      '`include_field_types=true` adds customFieldsMetadata to each contact, and only then (the app does not ask for it)',
      `${statusText(typed)}; ${withMetadata.length} of ${typedList?.length ?? 0} contacts have customFieldsMetadata with it, ${withoutFlag.length} without it`,
      typedList?.length
        ? verdictFrom(typed, withMetadata.length === typedList.length && withoutFlag.length === 0)
        : 'could not tell',
    ),
    await oneContact(session, list?.[0]),
    ...(await phoneLookUps(session, list ?? [])),
  ];
};

/** Find Contact by its ID: GET /contacts/:uuid (get_contact.md shows the contact in an array). */
async function oneContact(session: Session, first: JsonObject | undefined): Promise<Row> {
  const id = 'contacts.by-uuid';
  const doc = 'contacts_api/get_contact.md';
  const assumes =
    'GET /contacts/:uuid answers the contact (an object or a one-element array): Find Contact by ID finds it';
  if (typeof first?.uuid !== 'string')
    return row(id, doc, assumes, 'no contact on the first page', 'could not tell');
  const outcome = await session.run<JsonObject[]>(session.step('searches', 'find_contact'), {
    contact_uuid: first.uuid,
  });
  const answer = exchangeOf(outcome, 'GET', /^\/contacts\/[^/]+$/);
  return row(
    id,
    doc,
    assumes,
    `${statusText(answer)}; contact as ${wrapping(isObject(answer?.body) ? answer.body.contact : undefined)}${outcome.error ? `; ${outcome.error}` : ''}`,
    verdictFrom(answer, outcome.value?.[0]?.uuid === first.uuid),
  );
}

async function phoneLookUps(session: Session, listed: JsonObject[]): Promise<Row[]> {
  const known = listed.find(
    (contact) =>
      contact.source === 'whatsapp' && /^\+?[\d ]{8,}$/.test(String(contact.phoneNumber ?? '')),
  );
  const find = session.step('searches', 'find_contact');
  const assumes =
    'GET /contacts/phone/:digits answers the contact with that number (an object or a one-element array): Find Contact finds it';
  let knownRow = row(
    'contacts.by-phone',
    'contacts_api/get_contact_by_phone.md',
    assumes,
    'no WhatsApp contact with a phone number on the first page',
    'could not tell',
  );
  if (known) {
    const outcome = await session.run<JsonObject[]>(find, {
      phone: `+${String(known.phoneNumber).replace(/\D/g, '')}`,
    });
    const answer = exchangeOf(outcome, 'GET', /^\/contacts\/phone\//);
    knownRow = row(
      'contacts.by-phone',
      'contacts_api/get_contact_by_phone.md',
      assumes,
      `${statusText(answer)}; contact as ${wrapping(isObject(answer?.body) ? answer.body.contact : undefined)}${outcome.error ? `; ${outcome.error}` : ''}`,
      verdictFrom(answer, outcome.value?.[0]?.uuid === known.uuid),
    );
  }
  const unknown = await session.run<JsonObject[]>(find, { phone: UNKNOWN_NUMBER });
  const answer = exchangeOf(unknown, 'GET', /^\/contacts\/phone\//);
  const unknownRow = row(
    'contacts.by-phone-unknown',
    'contacts_api/get_contact_by_phone.md (404 is not shown), errors.md',
    'a number Callbell does not know answers 404, and Find Contact finds nothing',
    `${statusText(answer)} for a fictional number${unknown.error ? `; ${unknown.error}` : ''}`,
    answer?.status === 200
      ? 'could not tell'
      : verdictFrom(answer, answer?.status === 404 && unknown.value?.length === 0),
  );
  return [knownRow, unknownRow];
}

const deliveryLog: Check = async (session) => {
  const outcome = await session.run<JsonObject[]>(
    session.step('triggers', 'message_created', 'performList'),
  );
  const log = exchangeOf(outcome, 'GET', /^\/webhooks\/events$/);
  const events = listIn(log?.body, 'webhook_events');
  return [
    row(
      'webhooks.log',
      'webhooks_api/events.md',
      "GET /webhooks/events answers 200 {webhook_events: [...]}, also before the account has a webhook: a trigger's Test reads it",
      `${statusText(log)}; ${events?.length ?? 'no'} events; meta ${JSON.stringify(metaOf(log?.body))}; Test trigger: ${outcome.value ? `${outcome.value.length} samples` : outcome.error}`,
      verdictFrom(log, isSuccess(log) && events !== null && !outcome.error),
    ),
  ];
};

/** The read-only checks, in order; the rest is pointless when the key is refused. */
export async function readChecks(session: Session): Promise<{ rows: Row[]; facts: AccountFacts }> {
  const facts: AccountFacts = {
    account: '',
    templates: [],
    funnelUuids: [],
    tags: [],
    textFields: [],
  };
  const rows: Row[] = [];
  // Each check is judged on its own: an outage during it makes its rows "could not be checked".
  const judged = (check: Check) =>
    session.judge(rows, async () => rows.push(...(await check(session, facts))));
  await judged(auth);
  if (rows[0]?.verdict !== 'holds') return { rows, facts };
  for (const check of [channels, templates, teams, funnels, contacts, deliveryLog])
    await judged(check);
  return { rows, facts };
}
