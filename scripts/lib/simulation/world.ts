import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import { CallbellAccount, type CallbellEvent } from './callbell';
import { FaultCache } from './fault-cache';
import { HookService, requestBundle, type HookRequest } from './hook-service';
import type { Prng } from './prng';

type Step = (z: ZObject, bundle: Bundle) => Promise<unknown>;
/** Core's app tester, given a bundle as loose as the one Zapier builds. */
type Tester = (step: Step, bundle: Record<string, unknown>) => Promise<unknown>;

const STEP_KINDS = ['performSubscribe', 'performUnsubscribe', 'perform'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** An app definition as index.ts exports it; the simulation drives its REST-hook triggers. */
export interface SimulatedApp {
  triggers: Record<string, { operation: { type?: string } & Partial<Record<StepKind, unknown>> }>;
}

/** One of a trigger's steps, when the app defines it as a function. */
export function stepOf(app: SimulatedApp, trigger: string, kind: StepKind): Step | null {
  const step = app.triggers[trigger]?.operation[kind];
  return typeof step === 'function' ? (step as Step) : null;
}

/** The bundle's meta of a live Zap's step (no editor test, no dropdown). */
const STEP_META = {
  isLoadingSample: false,
  isFillingDynamicDropdown: false,
  isPopulatingDedupe: false,
  isBulkRead: false,
  isTestingAuth: false,
  limit: -1,
  page: 0,
};

/** Zapier stops every step after 30 s (docs/_build/troubleshooting/operating-constraints.md). */
export const STEP_LIMIT_MS = 30_000;

export const ZAPIER_HOOKS = 'https://hooks.zapier.com';

/** A Zapier user's connection to Callbell: the API key its Zaps send. */
export interface Connection {
  id: string;
  /** The Zapier user who made it (z.cache scope `user`). */
  user: string;
  apiKey: string;
}

export class Zap {
  state: 'new' | 'on' | 'off' | 'deleted' = 'new';
  /** What performSubscribe returned: Zapier keeps it with the Zap for as long as it lives. */
  subscribeData: unknown = undefined;

  constructor(
    readonly id: string,
    readonly url: string,
    readonly trigger: string,
    readonly inputData: Record<string, unknown>,
    /** The events this Zap is set up to receive. */
    readonly wants: CallbellEvent[],
    public connection: Connection,
  ) {}

  get path(): string {
    return new URL(this.url).pathname;
  }
}

/** One run of one step, in virtual time. */
export interface StepRecord {
  zap: Zap;
  kind: StepKind;
  /** What was going on: `steps`, `delivery N`, `forgery N`. */
  window: string;
  ms: number;
  items: unknown[];
  error?: string;
  /** What the step wrote with z.console. */
  logs: string[];
  /** The hook request a perform ran on. */
  request?: HookRequest;
}

/**
 * One Callbell account and the Zaps of its users, on Zapier, in one process: Callbell's API
 * and Zapier's hook service answer the app's requests (through nock, see network.ts), every
 * step runs the real app through core's app tester with this world's z.cache, and every
 * run, log line, post and webhook change is recorded for the checks.
 */
export class World {
  readonly cache: FaultCache;
  readonly callbell: CallbellAccount;
  readonly hooks: HookService<Zap>;
  readonly zaps: Zap[] = [];
  readonly steps: StepRecord[] = [];
  /** Steps and what happened around them (actions, deliveries), in order, for the trace. */
  readonly journal: (StepRecord | string)[] = [];
  /** Webhook deletions while some Zap was on. */
  deletedWhileLive = 0;
  /** Requests the app sent to a host that is neither Callbell nor Zapier's hook service. */
  readonly elsewhere: string[] = [];
  window = 'steps';
  /**
   * Whether the Zap Callbell's webhook points at was deleted without unsubscribe since the
   * last turn-on or turn-off: until one runs, no app code runs on any delivery.
   */
  ownerDeletedUnseen = false;
  private pending = 0;

  constructor(
    private readonly app: SimulatedApp,
    readonly random: Prng,
  ) {
    this.cache = new FaultCache(random);
    this.callbell = new CallbellAccount(random, () => {
      if (this.zaps.some((zap) => zap.state === 'on')) this.deletedWhileLive += 1;
    });
    this.hooks = new HookService<Zap>(
      random,
      (path) => this.zaps.find((zap) => zap.path === path),
      (zap, request) => void this.perform(zap, request),
    );
  }

  /** Notes what happened outside the app's steps (an action, a delivery), for the trace. */
  note(text: string): void {
    this.journal.push(`[${this.window}] ${text}`);
  }

  /** Whether every step started so far, and every run those queued, has ended. */
  idle(): boolean {
    return this.pending === 0;
  }

  addZap(
    trigger: string,
    inputData: Record<string, unknown>,
    wants: CallbellEvent[],
    connection: Connection,
  ): Zap {
    const id = `zap${this.zaps.length + 1}`;
    const url = `${ZAPIER_HOOKS}/hooks/standard/${connection.user.replace(/\D/g, '')}/${this.random.hex(32)}/`;
    const zap = new Zap(id, url, trigger, inputData, wants, connection);
    this.zaps.push(zap);
    return zap;
  }

  /** Turning a Zap on: it is on only if performSubscribe succeeds within the step limit. */
  async turnOn(zap: Zap): Promise<void> {
    this.ownerDeletedUnseen = false;
    const record = await this.step(zap, 'performSubscribe', { targetUrl: zap.url });
    if (record.error) return;
    zap.subscribeData = record.items[0];
    zap.state = 'on';
  }

  /**
   * Turning a Zap off: its URL answers 410 from then on, and Zapier turns it off whatever
   * performUnsubscribe does (zapier/zapier-platform-cli#261).
   */
  async turnOff(zap: Zap): Promise<void> {
    this.ownerDeletedUnseen = false;
    zap.state = 'off';
    await this.step(zap, 'performUnsubscribe', {
      targetUrl: zap.url,
      subscribeData: zap.subscribeData,
    });
  }

  /** The Zap disappears without performUnsubscribe: its URL answers 410. */
  deleteZap(zap: Zap): void {
    zap.state = 'deleted';
    if (this.ownsWebhook(zap)) this.ownerDeletedUnseen = true;
  }

  /**
   * Whether Callbell's webhook points at this Zap: its hook URL, whatever query string the app
   * added (the hook service routes by path, as Zapier's does).
   */
  ownsWebhook(zap: Zap): boolean {
    const webhook = this.callbell.webhook?.url;
    return webhook !== undefined && webhook.split('?')[0] === zap.url;
  }

  /** A run of the Zap on one POST to its URL, queued by the hook service. */
  async perform(zap: Zap, request: HookRequest): Promise<void> {
    await this.step(
      zap,
      'perform',
      { ...requestBundle(request), subscribeData: zap.subscribeData },
      request,
    );
  }

  private async step(
    zap: Zap,
    kind: StepKind,
    extra: Record<string, unknown>,
    request?: HookRequest,
  ): Promise<StepRecord> {
    this.pending += 1;
    const record: StepRecord = {
      zap,
      kind,
      window: this.window,
      ms: 0,
      items: [],
      logs: [],
      request,
    };
    this.steps.push(record);
    this.journal.push(record);
    const started = Date.now();
    const cache = this.cache.client({ user: zap.connection.user, auth: zap.connection.id });
    const app = appForStep(this.app, cache, (line) => record.logs.push(line));
    const run = stepOf(app, zap.trigger, kind);
    try {
      if (!run) throw new Error(`trigger ${zap.trigger} has no ${kind}`);
      const bundle: Record<string, unknown> = {
        authData: { api_key: zap.connection.apiKey },
        inputData: zap.inputData,
        meta: STEP_META,
        ...extra,
      };
      // One tester per step: core's tester keeps ad-hoc functions on the app it was given.
      const tester = createAppTester(app) as Tester;
      const result = await tester(run, bundle);
      record.items = kind === 'perform' ? (Array.isArray(result) ? result : []) : [result];
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    } finally {
      record.ms = Date.now() - started;
      this.pending -= 1;
    }
    if (record.ms > STEP_LIMIT_MS && !record.error) {
      record.error = `Zapier stopped the step after ${STEP_LIMIT_MS / 1000} s`;
      record.items = [];
    }
    return record;
  }
}

/**
 * The app as one step sees it: its hook triggers, each operation handed a `z` whose cache is
 * the simulation's and whose console writes into the step's record. Creates and searches are
 * left out: compiling them for every step would cost most of the run.
 */
function appForStep(
  app: SimulatedApp,
  cache: ZObject['cache'],
  log: (line: string) => void,
): SimulatedApp {
  const withStep = (step: Step | null): Step | undefined =>
    step
      ? (z, bundle) => {
          const write = (...parts: unknown[]) => log(parts.map(String).join(' '));
          z.cache = cache;
          z.console = { ...z.console, log: write, info: write, warn: write, error: write };
          return step(z, bundle);
        }
      : undefined;
  const triggers = Object.fromEntries(
    hookTriggerKeys(app).map((key) => {
      const trigger = app.triggers[key] as SimulatedApp['triggers'][string];
      const operation = { ...trigger.operation };
      for (const kind of STEP_KINDS) operation[kind] = withStep(stepOf(app, key, kind));
      return [key, { ...trigger, operation }];
    }),
  );
  return { ...app, triggers, creates: {}, searches: {}, searchOrCreates: {} } as SimulatedApp;
}

/** The app's instant triggers: REST hooks that subscribe and unsubscribe. */
export function hookTriggerKeys(app: SimulatedApp): string[] {
  return Object.keys(app.triggers).filter((key) => {
    return (
      app.triggers[key]?.operation.type === 'hook' &&
      STEP_KINDS.every((kind) => stepOf(app, key, kind) !== null)
    );
  });
}
