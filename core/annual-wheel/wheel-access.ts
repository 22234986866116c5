// Shared pieces of the wheel's use cases: the actor's permissions as flags for the pages, and
// today's date for a clock.
import type { Actor } from '../shared/actor.ts';
import { can } from '../shared/policy.ts';
import { osloDate } from './annual-wheel.rules.ts';

export interface WheelPermissions {
  canWrite: boolean;
  canReadLog: boolean;
}

export function wheelPermissions(actor: Actor): WheelPermissions {
  return { canWrite: can(actor, 'wheel.write', { tenantId: actor.tenantId }), canReadLog: can(actor, 'wheel.log', { tenantId: actor.tenantId }) };
}

/** The Norwegian calendar day of `now` (default: the real clock). */
export function today(now: Date | undefined): string {
  return osloDate(now ?? new Date());
}
