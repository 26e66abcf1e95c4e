import type { Bundle, PlainInputField, Trigger, ZObject } from 'zapier-platform-core';
import { InputError } from '../input-error';
import type { OutputField } from '../outputs/contact';
import { readDelivery, type CallbellEvent } from './events';
import { mapDelivery, type HookOutput } from './map-delivery';
import { deliveriesFromRecords, loggedDeliveries } from './recent-events';
import { subscribeWebhook, unsubscribeWebhook } from './subscription';

export const ONE_WEBHOOK_NOTICE =
  "Callbell keeps one webhook per account, so turning this Zap on redirects the account's webhook (and any webhook set in Callbell's dashboard) to this Zap, and turning it off removes it; to handle several kinds of event, use one Zap with the **New Event** trigger and route them with Paths or Filters.";

/** The notice above, shown at the top of every trigger's set-up step. */
const oneWebhookNotice: PlainInputField = {
  key: 'one_webhook_notice',
  label: 'One Webhook per Callbell Account',
  type: 'copy',
  helpText: ONE_WEBHOOK_NOTICE,
};

export interface HookTriggerSpec {
  key: string;
  noun: string;
  label: string;
  /** Starts "Triggers when …". */
  description: string;
  /** The Callbell events this trigger subscribes to and accepts. */
  events: (bundle: Bundle) => CallbellEvent[];
  /** Whether this Zap wants an event (its filters); every event passes when absent. */
  wants?: (output: HookOutput, bundle: Bundle) => boolean;
  inputFields?: PlainInputField[];
  sample: HookOutput;
  outputFields: OutputField[];
}

const COMMON_OUTPUT_FIELDS: OutputField[] = [
  { key: 'id', label: 'Event ID' },
  { key: 'event', label: 'Event Name' },
  { key: 'created_at', label: 'Event Time', type: 'datetime' },
];

/**
 * A Callbell REST-hook trigger: subscribes the Zap's URL to its events, turns each delivery
 * into one Zap-friendly item and fills the Zap editor's test from real recent events.
 */
export function hookTrigger(spec: HookTriggerSpec): Trigger {
  const wanted = (output: HookOutput, bundle: Bundle) =>
    spec.events(bundle).includes(output.event) && (spec.wants?.(output, bundle) ?? true);

  const perform = async (_z: ZObject, bundle: Bundle): Promise<HookOutput[]> => {
    const delivery = readDelivery(bundle.cleanedRequest);
    if (!delivery) return [];
    const output = mapDelivery(delivery);
    return wanted(output, bundle) ? [output] : [];
  };

  const performList = async (z: ZObject, bundle: Bundle): Promise<HookOutput[]> => {
    const events = spec.events(bundle);
    const logged = (await loggedDeliveries(z, events)).map(readDelivery);
    const fromLog = logged.flatMap((delivery) => (delivery ? [mapDelivery(delivery)] : []));
    const recent = uniqueById(fromLog).filter((output) => wanted(output, bundle));
    if (recent.length) return recent;
    for (const event of events) {
      const fromRecords = (await deliveriesFromRecords(z, event)).map(mapDelivery);
      const matching = fromRecords.filter((output) => wanted(output, bundle));
      if (matching.length) return matching;
    }
    return [];
  };

  const performSubscribe = async (z: ZObject, bundle: Bundle) => {
    const events = spec.events(bundle);
    if (!events.length) throw new InputError('Events', 'choose at least one event for this Zap.');
    return subscribeWebhook(z, bundle, events);
  };

  return {
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'hook',
      inputFields: [oneWebhookNotice, ...(spec.inputFields ?? [])],
      perform,
      performList,
      performSubscribe,
      performUnsubscribe: (z: ZObject) => unsubscribeWebhook(z),
      sample: spec.sample,
      outputFields: [...COMMON_OUTPUT_FIELDS, ...spec.outputFields],
    },
  };
}

function uniqueById(outputs: HookOutput[]): HookOutput[] {
  const seen = new Set<string>();
  return outputs.filter((output) => !seen.has(output.id) && seen.add(output.id));
}
