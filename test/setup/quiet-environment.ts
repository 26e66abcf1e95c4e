import { Console } from 'node:console';
import { Writable } from 'node:stream';
import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';

/**
 * jest's node environment, with what a test logs (core's `z.console` included) kept back and
 * printed only when that test fails, or always with `DEBUG` set. Thousands of expected log lines
 * otherwise bury the one failure that matters.
 */
export default class QuietEnvironment extends NodeEnvironment {
  private held: string[] = [];

  override async setup(): Promise<void> {
    await super.setup();
    if (process.env.DEBUG) return;
    const hold = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.held.push(chunk.toString());
        done();
      },
    });
    this.global.console = new Console(hold, hold);
  }

  handleTestEvent(event: Circus.Event): void {
    if (event.name === 'test_start') this.held = [];
    if (event.name === 'test_done' && event.test.errors.length > 0 && this.held.length > 0) {
      process.stderr.write(`\nLogged by "${event.test.name}":\n${this.held.join('')}`);
    }
  }
}
