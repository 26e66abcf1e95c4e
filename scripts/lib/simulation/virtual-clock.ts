import { install } from '@sinonjs/fake-timers';
import { performance } from 'node:perf_hooks';

type InstalledClock = ReturnType<typeof install>;

/** Node's own setImmediate, kept before any clock replaces it. */
const realImmediate = setImmediate;
const realTurn = () => new Promise<void>((resolve) => realImmediate(resolve));

/** How many handles of each kind are open (sockets, files, real timers…). */
function openHandles(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo())
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/**
 * Whether the process is doing real work beyond what was open when the clock was installed
 * (pipes, a test runner's own handles): files, DNS, sockets, real timers.
 */
function realWorkPending(lasting: Map<string, number>): boolean {
  return [...openHandles()].some(([kind, count]) => count > (lasting.get(kind) ?? 0));
}

/** Real time given to real work before the clock moves anyway (a timer that never ends). */
const MAX_REAL_WAIT_MS = 200;

/** Timers fired while waiting for one thing: more means something re-arms itself forever. */
const MAX_TIMERS = 20_000;

/** The world stopped: nothing left to run, or timers forever, yet what was awaited never ended. */
export class Stalled extends Error {
  constructor(what: string) {
    super(`stalled: ${what} never ended`);
    this.name = 'Stalled';
  }
}

/**
 * Virtual time for the whole process: setTimeout, setInterval, setImmediate and Date are
 * fake (@sinonjs/fake-timers, jest's own fake timers), promises and process.nextTick are
 * real. Time moves only when everything that can run without it has run, straight to the
 * next timer, so a 25 s wait costs no real time and the order of events never depends on
 * how busy the machine is.
 */
export class VirtualClock {
  private clock: InstalledClock | null = null;
  private lasting = new Map<string, number>();

  install(start: number): void {
    this.lasting = openHandles();
    this.clock = install({
      now: start,
      toFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'Date',
      ],
      loopLimit: 1_000_000,
    });
  }

  uninstall(): void {
    this.clock?.uninstall();
    this.clock = null;
  }

  now(): number {
    return this.installed().now;
  }

  /**
   * Runs the world until `done()` holds, firing timers one at a time, each after everything
   * that could run without the clock has run. Throws Stalled when nothing is left to run or
   * timers never stop coming.
   */
  async runUntil(done: () => boolean, what: string): Promise<void> {
    const clock = this.installed();
    for (let fired = 0; fired < MAX_TIMERS; fired += 1) {
      await settle(this.lasting);
      if (done()) return;
      if (clock.countTimers() === 0) break;
      clock.next();
    }
    throw new Stalled(what);
  }

  /**
   * Runs every timer still set (a late answer to a request that timed out, a lock's expiry),
   * so nothing is left waiting on a clock about to go: requests that never end stay in memory.
   */
  async drain(): Promise<void> {
    const clock = this.installed();
    await this.runUntil(() => clock.countTimers() === 0, 'the last timers').catch(
      (error: unknown) => {
        if (!(error instanceof Stalled)) throw error;
      },
    );
  }

  /** Lets `ms` of virtual time pass, running whatever falls due meanwhile. */
  async pass(ms: number): Promise<void> {
    let reached = false;
    setTimeout(() => (reached = true), ms);
    await this.runUntil(() => reached, 'a pause');
  }

  private installed(): InstalledClock {
    if (!this.clock) throw new Error('the virtual clock is not installed');
    return this.clock;
  }
}

/** Waits in real turns until only fake timers are left (promises and real I/O done). */
async function settle(lasting: Map<string, number>): Promise<void> {
  await realTurn();
  const deadline = performance.now() + MAX_REAL_WAIT_MS;
  while (realWorkPending(lasting) && performance.now() < deadline) await realTurn();
}
