import { NO_COUNTS, type Counters, type Outcome } from './run-schedule';
import type { World } from './world';

/**
 * What happened in one schedule, step by step, for `npm run simulate -- --trace`: each Zap,
 * each step with its virtual time, error and log lines, and where Callbell's webhook points
 * at the end. API keys are shown by their last four characters only.
 */
export function traceOf(index: number, outcome: Outcome, world: World): string {
  const lines = [`## schedule ${index}: ${outcome.kinds.join(', ') || 'no fault drawn'}`];
  for (const zap of world.zaps)
    lines.push(
      `${zap.id} ${zap.trigger} wants ${zap.wants.join(',')}, ${zap.connection.user} key …${zap.connection.apiKey.slice(-4)}, ends ${zap.state}, URL …${zap.url.slice(-13)}`,
    );
  for (const step of world.journal) {
    if (typeof step === 'string') {
      lines.push(step);
      continue;
    }
    const error = step.error ? ` ERROR ${step.error.slice(0, 200)}` : '';
    const body = step.request
      ? ` on ${step.request.sender} post ${step.request.text.slice(0, 60)}…`
      : '';
    lines.push(
      `[${step.window}] ${step.zap.id} ${step.kind} ${step.ms} ms, ${step.items.length} item(s)${body}${error}`,
    );
    for (const line of step.logs) lines.push(`    log: ${line}`);
  }
  const webhook = world.callbell.webhook;
  lines.push(
    `webhook: ${webhook ? `…${webhook.url.slice(-60)} for ${webhook.subscriptions.join(',')}` : 'none'}`,
  );
  const counts = Object.keys(NO_COUNTS).map((key) => `${key} ${outcome[key as keyof Counters]}`);
  lines.push(`outcome: ${counts.join(', ')}`, '');
  return lines.join('\n');
}
