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

/**
 * Lets fake time pass in small steps, each followed by real turns of the event loop, so an
 * answer that is due is read before the clock moves on.
 */
export async function elapse(ms: number, step = 100): Promise<void> {
  for (let passed = 0; passed < ms; passed += step) {
    await jest.advanceTimersByTimeAsync(Math.min(step, ms - passed));
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  }
}
