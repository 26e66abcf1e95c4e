/**
 * jest's fake clock for tests of waits and deadlines: nothing waits on this machine, and no
 * test asserts how long anything took. The event loop's own turns stay real, so network
 * answers (nock) and promises still arrive.
 */
export function useFakeClock(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
}

/** Resolves after `ms` of fake time. */
export const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Real turns of the event loop after which work that never goes idle is given up on. */
const MAX_TURNS = 1_000;
/** How far fake time moves at a time. */
const TICK_MS = 10;
/**
 * Handles that stay open for the whole run (jest's own pipes, servers) and real timers. A
 * pending `setImmediate` is work still under way: streams hand data on through them.
 */
const LASTING = new Set(['Timeout', 'PipeWrap', 'TTYWrap', 'TCPServerWrap', 'SignalWrap']);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Work the process is still doing (files, DNS, connections, the thread pool, immediates). */
function realWorkPending(): boolean {
  return process.getActiveResourcesInfo().some((kind) => !LASTING.has(kind));
}

/**
 * Waits in real turns of the event loop until the process has nothing to do but wait for a
 * timer, so fake time never passes while an answer is still being read. How long that takes
 * depends on the machine's load; what happens in fake time does not.
 */
async function settle(): Promise<void> {
  let quiet = 0;
  for (let turn = 0; turn < MAX_TURNS && quiet < 3; turn += 1) {
    await nextTurn();
    quiet = realWorkPending() ? 0 : quiet + 1;
  }
}

/**
 * Lets `ms` of fake time pass in steps of 10 ms; before each, the process finishes whatever it
 * can do without the clock moving, so the outcome is the same on an idle or a busy machine.
 * Small steps, because some of that work waits on real timers that libraries took before the
 * clock was faked (they cannot be told from jest's own), so only the next steps finish it.
 */
export async function elapse(ms: number): Promise<void> {
  for (let passed = 0; passed < ms; passed += TICK_MS) {
    await settle();
    await jest.advanceTimersByTimeAsync(Math.min(TICK_MS, ms - passed));
  }
  await settle();
}
