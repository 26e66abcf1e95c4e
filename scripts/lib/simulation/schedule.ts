import { CALLBELL_EVENTS, type CallbellEvent } from './callbell';
import type { Prng } from './prng';

/** The faults a schedule may draw; the table has a row for each. */
export const FAULT_KINDS = [
  'bulk on/off',
  'key rotation',
  'owner deleted',
  'cache forgets',
  'cache throws',
  'cache set false',
  'cache 413',
  'cache ignores nx',
  'cache slow',
  'major version',
  'Callbell slow',
  'Callbell fails',
  'hook 429',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface ZapPlan {
  trigger: string;
  inputData: Record<string, unknown>;
  wants: CallbellEvent[];
  /** Index of the connection it uses. */
  connection: number;
}

export type Action =
  | { type: 'turn'; zaps: number[] }
  | { type: 'rotate key'; connection: number; revokeOld: boolean }
  | { type: 'delete owner' }
  | { type: 'forget keys'; share: number }
  | { type: 'time passes'; ms: number }
  | { type: 'major version' };

export interface Schedule {
  kinds: FaultKind[];
  zaps: ZapPlan[];
  connections: number;
  actions: Action[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Zap set-ups a trigger allows: the events it wants with this input. */
function zapPlan(random: Prng, trigger: string, connections: number): ZapPlan | null {
  const connection = random.int(0, connections - 1);
  if ((CALLBELL_EVENTS as readonly string[]).includes(trigger))
    return { trigger, inputData: {}, wants: [trigger as CallbellEvent], connection };
  if (trigger === 'new_event') {
    const wants = random.some(CALLBELL_EVENTS, 0.25);
    const events = wants.length ? wants : [random.pick(CALLBELL_EVENTS)];
    return { trigger, inputData: { events }, wants: events, connection };
  }
  return null;
}

/**
 * Draws one schedule: which faults it has, 2 to 6 Zaps on one Callbell account (one or two
 * Zapier users), and what happens to them before every event is delivered: Zaps turned on
 * and off one by one or several at once, keys rotated, the owner's Zap deleted without
 * unsubscribe, cache entries evicted or expired, a major-version migration.
 */
export function drawSchedule(random: Prng, triggers: string[]): Schedule {
  const kinds = FAULT_KINDS.filter(() => random.chance(0.2));
  const has = (kind: FaultKind) => kinds.includes(kind);
  const connections = random.int(1, 2);
  const zaps: ZapPlan[] = [];
  const count = random.int(2, 6);
  while (zaps.length < count) {
    const plan = zapPlan(random, random.pick(triggers), connections);
    if (plan) zaps.push(plan);
  }
  const indexes = zaps.map((_zap, index) => index);
  const actions: Action[] = has('bulk on/off')
    ? [{ type: 'turn', zaps: indexes }]
    : indexes.map((index) => ({ type: 'turn', zaps: [index] }));
  const extra = random.int(2, 8);
  for (let step = 0; step < extra; step += 1)
    actions.push(drawAction(random, kinds, zaps.length, connections));
  return { kinds, zaps, connections, actions };
}

function drawAction(random: Prng, kinds: FaultKind[], zaps: number, connections: number): Action {
  const options: (() => Action)[] = [
    () => ({ type: 'turn', zaps: [random.int(0, zaps - 1)] }),
    () => ({ type: 'time passes', ms: random.int(1, 600) * 1000 }),
  ];
  if (kinds.includes('bulk on/off'))
    options.push(() => ({ type: 'turn', zaps: random.some([...Array(zaps).keys()], 0.6) }));
  if (kinds.includes('key rotation'))
    options.push(() => ({
      type: 'rotate key',
      connection: random.int(0, connections - 1),
      revokeOld: random.chance(0.5),
    }));
  if (kinds.includes('owner deleted')) options.push(() => ({ type: 'delete owner' }));
  if (kinds.includes('cache forgets')) {
    options.push(() => ({ type: 'forget keys', share: random.pick([0.3, 1]) }));
    options.push(() => ({ type: 'time passes', ms: random.int(2, 45) * DAY_MS }));
  }
  if (kinds.includes('major version')) options.push(() => ({ type: 'major version' }));
  return random.pick(options)();
}
