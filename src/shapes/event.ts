import type { JsonObject } from '../values';

/** What every event's output may hold besides its own fields: when it happened. */
export interface EventFields extends JsonObject {
  created_at?: string | null;
}
