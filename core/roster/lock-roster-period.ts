// The leader locks a published roster: no further edits (later changes go through swaps).
import type { Database } from '../../db/client.ts';
import type { Actor } from '../shared/actor.ts';
import { transitionRoster } from './change-roster-status.ts';

export interface LockRosterPeriodOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: { version: unknown };
  requestId?: string;
}

export async function lockRosterPeriod({ database, actor, periodId, input, requestId }: LockRosterPeriodOptions) {
  return transitionRoster({ database, actor, periodId, version: input.version, transition: 'lock', action: 'roster.manage', requestId });
}
