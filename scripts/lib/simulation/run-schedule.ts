import type { CallbellEvent, Post } from './callbell';
import {
  DELIVERY_MARKER,
  deliveryMarker,
  forgeryMarker,
  itemsHolding,
  markedDelivery,
} from './deliveries';
import type { HookRequest } from './hook-service';
import type { Prng } from './prng';
import type { Action, FaultKind, Schedule } from './schedule';
import { Stalled, type VirtualClock } from './virtual-clock';
import { World, type Connection, type SimulatedApp, type Zap } from './world';

/** What the simulation counts, per schedule and in total. */
export interface Counters {
  owed: number;
  once: number;
  twice: number;
  lostLogged: number;
  lostSilently: number;
  /** Lost while Callbell posted to a Zap deleted without unsubscribe, before any on/off step. */
  unreachable: number;
  deletedWhileLive: number;
  forwardsElsewhere: number;
  forgeries: number;
  forgedRuns: number;
  /** The slowest step (virtual ms): the one counter that is a maximum, not a sum. */
  slowestMs: number;
  stalled: number;
}

export const NO_COUNTS: Counters = {
  owed: 0,
  once: 0,
  twice: 0,
  lostLogged: 0,
  lostSilently: 0,
  unreachable: 0,
  deletedWhileLive: 0,
  forwardsElsewhere: 0,
  forgeries: 0,
  forgedRuns: 0,
  slowestMs: 0,
  stalled: 0,
};

/** What one schedule came to; the report adds these up per fault kind. */
export interface Outcome extends Counters {
  kinds: FaultKind[];
  /** Callbell calls the model does not answer (listed, not counted as a failure). */
  unmodelled: string[];
}

/**
 * A log line that says something did not arrive. The app's wording is its own; these are
 * the words any such line uses.
 */
const SAYS_LOSS =
  /\b(lost|miss(ed|ing)|not (reached|delivered|passed|forwarded|sent)|fail(ed|s|ure)?|could not|cannot|unavailable|refused|dropped|gone)\b/i;

const EVIL_ORIGIN = 'https://hooks.evil.example';

const JSON_HEADERS = { 'content-type': 'application/json' };

export async function runSchedule(
  app: SimulatedApp,
  schedule: Schedule,
  random: Prng,
  clock: VirtualClock,
  connectWorld: (world: World) => void,
): Promise<Outcome> {
  const world = new World(app, random);
  connectWorld(world);
  const outcome: Outcome = { ...NO_COUNTS, kinds: schedule.kinds, unmodelled: [] };
  try {
    applyFaults(world, schedule.kinds, random);
    const connections = makeConnections(world, schedule, random);
    const zaps = schedule.zaps.map((plan) =>
      world.addZap(
        plan.trigger,
        plan.inputData,
        plan.wants,
        connections[plan.connection] as Connection,
      ),
    );
    for (const action of schedule.actions) {
      if (action.type !== 'turn') world.note(describe(action));
      if (action.type === 'time passes') await timePasses(world, clock, action.ms);
      else await drive(clock, world, act(world, action, zaps, connections, random), action.type);
    }
    await deliverEveryEvent(world, zaps, random, clock, outcome);
    await forgeRelays(world, random, clock, outcome);
  } catch (error) {
    if (!(error instanceof Stalled)) throw error;
    outcome.stalled = 1;
  }
  outcome.deletedWhileLive = world.deletedWhileLive;
  outcome.forwardsElsewhere = world.elsewhere.length;
  outcome.slowestMs = Math.max(0, ...world.steps.map((step) => step.ms));
  outcome.unmodelled = world.callbell.unmodelled;
  return outcome;
}

/** The fault rates of the kinds this schedule drew, for its whole run. */
function applyFaults(world: World, kinds: FaultKind[], random: Prng): void {
  const has = (kind: FaultKind) => kinds.includes(kind);
  const cache = world.cache.faults;
  if (has('cache throws')) cache.throwRate = random.pick([0.05, 0.2]);
  if (has('cache set false')) cache.refuseRate = random.pick([0.2, 0.6]);
  if (has('cache 413')) cache.tooLargeRate = random.pick([0.05, 0.2]);
  if (has('cache ignores nx')) cache.ignoreNx = true;
  if (has('cache forgets')) cache.evictRate = random.pick([0, 0.02, 0.1]);
  if (has('cache slow')) cache.delayMs = random.pick([1_000, 3_000, 4_000]);
  const callbell = world.callbell.faults;
  if (has('Callbell slow'))
    Object.assign(callbell, { slowRate: 0.3, slowMs: random.pick([5_000, 12_000, 40_000]) });
  if (has('Callbell fails')) Object.assign(callbell, { failRate: 0.1, lostAnswerRate: 0.05 });
  if (has('hook 429')) world.hooks.throttleRate = random.pick([0.1, 0.4]);
}

/**
 * One connection per Zapier user. They share the account's one API key, unless the schedule
 * drew key rotation: then each has a key of its own, of the same account.
 */
function makeConnections(world: World, schedule: Schedule, random: Prng): Connection[] {
  const shared = `test_sim_${random.hex(24)}`;
  return [...Array(schedule.connections).keys()].map((index) => {
    const apiKey = schedule.kinds.includes('key rotation') ? `test_sim_${random.hex(24)}` : shared;
    world.callbell.addKey(apiKey);
    return { id: `connection${index + 1}`, user: `user${index + 1}`, apiKey };
  });
}

async function act(
  world: World,
  action: Action,
  zaps: Zap[],
  connections: Connection[],
  random: Prng,
): Promise<void> {
  switch (action.type) {
    case 'turn': {
      // Several Zaps turned on or off at once, as Zapier's bulk on/off does.
      const chosen = action.zaps.map((index) => zaps[index]).filter((zap): zap is Zap => !!zap);
      await Promise.all(chosen.map((zap) => turn(world, zap)));
      return;
    }
    case 'rotate key': {
      const connection = connections[action.connection];
      if (!connection) return;
      const old = connection.apiKey;
      connection.apiKey = `test_sim_${random.hex(24)}`;
      world.callbell.addKey(connection.apiKey);
      if (action.revokeOld) world.callbell.revokeKey(old);
      return;
    }
    case 'delete owner': {
      const owner = world.zaps.find((zap) => world.ownsWebhook(zap));
      if (owner?.state === 'on') world.deleteZap(owner);
      return;
    }
    case 'forget keys':
      for (const key of world.cache.keys())
        if (random.chance(action.share)) world.cache.forget(key);
      return;
    case 'time passes':
      return;
    case 'major version':
      world.cache.forgetAll();
      return;
  }
}

/**
 * Runs the world until `work` has ended and every run it started (queued hook runs
 * included) has too; the clock moves only here.
 */
async function drive(
  clock: VirtualClock,
  world: World,
  work: Promise<void>,
  what: string,
): Promise<void> {
  let ended = false;
  const watched = work.finally(() => (ended = true));
  await clock.runUntil(() => ended && world.idle(), what);
  await watched;
}

/** Turns a Zap on if it is off, off if it is on; a deleted Zap stays deleted. */
function turn(world: World, zap: Zap): Promise<void> {
  if (zap.state === 'deleted') return Promise.resolve();
  world.note(`turning ${zap.id} ${zap.state === 'on' ? 'off' : 'on'}`);
  return zap.state === 'on' ? world.turnOff(zap) : world.turnOn(zap);
}

/** An action other than turning Zaps on or off, in words for the trace. */
function describe(action: Exclude<Action, { type: 'turn' }>): string {
  switch (action.type) {
    case 'rotate key':
      return `connection${action.connection + 1} gets a new key${action.revokeOld ? ', the old one revoked' : ''}`;
    case 'forget keys':
      return `the cache forgets ${action.share * 100} % of its keys`;
    case 'time passes':
      return `${action.ms / 1000} s pass`;
    default:
      return action.type;
  }
}

/** Callbell posting to its webhook's URL through Zapier's hook service; the answer's status. */
function postFromCallbell(world: World): Post {
  return (url, text) => {
    const { pathname, searchParams } = new URL(url);
    const request = { path: pathname, query: Object.fromEntries(searchParams), text };
    const { status } = world.hooks.receive({
      ...request,
      headers: JSON_HEADERS,
      sender: 'callbell',
    });
    world.note(`Callbell posted it to …${pathname.slice(-13)}: ${status}`);
    return status;
  };
}

/**
 * How often Callbell checks the webhook's connection: "periodically" (webhooks/introduction.md),
 * and its admin is emailed after 10 minutes without an answer, so at least that often.
 */
const CHECK_EVERY_MS = 5 * 60 * 1000;

/**
 * Time passing, with Callbell's connection checks: the first and, after a long wait, the last
 * (every check between does the same as these two).
 */
async function timePasses(world: World, clock: VirtualClock, ms: number): Promise<void> {
  const first = Math.min(ms, CHECK_EVERY_MS);
  await clock.pass(first);
  if (first === CHECK_EVERY_MS) await checkConnection(world, clock);
  if (ms <= first) return;
  await clock.pass(ms - first);
  if (ms - first >= CHECK_EVERY_MS) await checkConnection(world, clock);
}

async function checkConnection(world: World, clock: VirtualClock): Promise<void> {
  world.note('Callbell checks the webhook');
  world.callbell.checkConnection(postFromCallbell(world));
  await clock.runUntil(() => world.idle(), 'connection check');
}

/**
 * Every event some live Zap wants, and one more, each delivered by Callbell to wherever its
 * webhook points, one at a time; then each live Zap that wants it must have run on it once.
 */
async function deliverEveryEvent(
  world: World,
  zaps: Zap[],
  random: Prng,
  clock: VirtualClock,
  outcome: Outcome,
): Promise<void> {
  const live = () => zaps.filter((zap) => zap.state === 'on');
  const wanted = new Set<CallbellEvent>(live().flatMap((zap) => zap.wants));
  const events = [...wanted];
  const extra = random.pick([
    'message_created',
    'contact_updated',
    'agent_status_updated',
  ] as const);
  if (!wanted.has(extra)) events.push(extra);
  for (const [index, event] of events.entries()) {
    const marker = deliveryMarker(random);
    world.window = `delivery ${index + 1}`;
    const owed = live().filter((zap) => zap.wants.includes(event));
    // No app could run on this one: Callbell posts to a deleted Zap and no step ran since.
    const unreachable = world.ownerDeletedUnseen;
    const { payload } = markedDelivery(event, marker);
    world.note(
      `Callbell: ${event} (${marker}), owed to ${owed.map((zap) => zap.id).join(', ') || 'no Zap'}`,
    );
    world.callbell.deliver(event, payload, postFromCallbell(world));
    await clock.runUntil(() => world.idle(), `delivery of ${event}`);
    const steps = world.steps.filter((step) => step.window === world.window);
    const visible = steps.some(
      (step) => step.error !== undefined || step.logs.some((line) => SAYS_LOSS.test(line)),
    );
    for (const zap of owed) {
      const runs = itemsHolding(
        steps
          .filter((step) => step.zap === zap && step.kind === 'perform')
          .flatMap((step) => step.items),
        marker,
      );
      outcome.owed += 1;
      if (runs === 1) outcome.once += 1;
      else if (runs > 1) outcome.twice += 1;
      else if (visible) outcome.lostLogged += 1;
      else if (unreachable) outcome.unreachable += 1;
      else outcome.lostSilently += 1;
    }
  }
}

/**
 * Forged and tampered relays, posted straight to a live Zap that Callbell's webhook does not
 * point at (what reaches the webhook's own URL cannot be told from Callbell's): an unsigned
 * delivery, a real relay with its payload changed, and one whose Zapier URLs were changed for
 * another host. None may run a Zap or make the app post anywhere but Zapier.
 */
async function forgeRelays(
  world: World,
  random: Prng,
  clock: VirtualClock,
  outcome: Outcome,
): Promise<void> {
  const targets = world.zaps.filter(
    (zap) => zap.state === 'on' && zap.url !== world.callbell.webhook?.url,
  );
  if (!targets.length) return;
  const relays = world.hooks.posts.filter(
    (sent) =>
      sent.request.sender === 'app' &&
      sent.status === 200 &&
      DELIVERY_MARKER.test(sent.request.text),
  );
  const forgeries: ((
    marker: string,
  ) => { target: Zap; request: Omit<HookRequest, 'path' | 'sender'> } | null)[] = [
    (marker) => {
      const target = random.pick(targets);
      const event = random.pick(target.wants);
      const body = JSON.stringify(markedDelivery(event, marker));
      return {
        target,
        request: { text: body, headers: JSON_HEADERS, query: {} },
      };
    },
    (marker) => tampered(world, random, relays, marker, (text) => text),
    (marker) =>
      tampered(world, random, relays, marker, (text) =>
        text.replaceAll('https://hooks.zapier.com', EVIL_ORIGIN),
      ),
  ];
  for (const [index, forge] of forgeries.entries()) {
    const marker = forgeryMarker(random);
    const forged = forge(marker);
    if (!forged) continue;
    world.window = `forgery ${index + 1}`;
    world.note(`forged post to ${forged.target.id}`);
    world.hooks.receive({ ...forged.request, path: forged.target.path, sender: 'forger' });
    await clock.runUntil(() => world.idle(), 'a forged relay');
    const ran = world.steps.some(
      (step) => step.window === world.window && itemsHolding(step.items, marker) > 0,
    );
    outcome.forgeries += 1;
    if (ran) outcome.forgedRuns += 1;
  }
}

/** A relay the app really sent, replayed to a live Zap with its delivery's marker replaced. */
function tampered(
  world: World,
  random: Prng,
  relays: { zap: Zap | undefined; request: HookRequest }[],
  marker: string,
  change: (text: string) => string,
): { target: Zap; request: Omit<HookRequest, 'path' | 'sender'> } | null {
  const live = relays.filter(
    (relay) => relay.zap?.state === 'on' && relay.zap.url !== world.callbell.webhook?.url,
  );
  if (!live.length) return null;
  const relay = random.pick(live);
  const text = change(relay.request.text.replaceAll(new RegExp(DELIVERY_MARKER, 'g'), marker));
  return { target: relay.zap as Zap, request: { ...relay.request, text } };
}
