// Shared pieces of the maturity use cases: the actor's permissions as flags for the pages, and
// the year asked for (default: this year, Norwegian time).
import { z } from 'zod';
import type { Actor } from '../shared/actor.ts';
import { can } from '../shared/policy.ts';
import { today } from '../annual-wheel/wheel-access.ts';
import { parseMaturityInput } from './maturity.rules.ts';

export interface MaturityPermissions {
  canManage: boolean;
  canSeeResults: boolean;
  /** Sees the checklist overview: tenant-wide readers and unit leaders (their units). */
  canChecklist: boolean;
}

export function maturityPermissions(actor: Actor): MaturityPermissions {
  const tenantId = actor.tenantId;
  return {
    canManage: can(actor, 'maturity.manage', { tenantId }),
    canSeeResults: can(actor, 'maturity.results', { tenantId }),
    canChecklist: can(actor, 'checklist.read', { tenantId, unitPaths: actor.kind === 'account' ? actor.leaderUnitPaths : [] }) || can(actor, 'maturity.manage', { tenantId }),
  };
}

const ZYear = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export function yearOf(raw: unknown, now?: Date): number {
  const value = raw === undefined || raw === null || raw === '' ? today(now).slice(0, 4) : raw;
  return parseMaturityInput(ZYear, { year: value }).year;
}
