// A deadline of one unit's own on the annual wheel, added by another module inside its own
// transaction (the roster's wish deadline): a milestone owned by the unit's leaders, targeting
// that unit, in the cycle of the deadline's year — only when that cycle exists (cycles are the
// coordinators' to create). The milestone is validated by the wheel's own schema and written by
// its repository, and audited like createMilestone. Returns the milestone id, or null without a cycle.
import type { Tx } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findCycleByYear, insertMilestones } from '../../db/repositories/wheel.repository.ts';
import { DEFAULT_REMINDER_OFFSETS, parseWheelInput, targetColumns, ZMilestoneInputSchema, type TMilestoneConcern } from './annual-wheel.rules.ts';

export interface UnitDeadline {
  tenantId: string;
  /** Who adds it, for the audit log. */
  actorLabel: string;
  unitId: string;
  title: string;
  description: string;
  /** YYYY-MM-DD; the cycle is the one of this date's year. */
  deadline: string;
  concerns: TMilestoneConcern;
  requestId?: string;
  /** The module and row the deadline comes from, for the audit log. */
  source: { type: string; id: string };
}

export async function addUnitDeadline(tx: Tx, deadline: UnitDeadline): Promise<string | null> {
  const values = parseWheelInput(ZMilestoneInputSchema, {
    title: deadline.title.slice(0, 200), // the wheel's limit; a long period or unit name is cut, not refused
    description: deadline.description,
    deadline: deadline.deadline,
    ownerRole: 'unit_leader',
    concerns: deadline.concerns,
    target: 'units',
    targetUnitIds: [deadline.unitId],
    reminderOffsets: DEFAULT_REMINDER_OFFSETS.join(' '),
    overdueEveryDays: '0',
    escalateAfterDays: '',
  });
  const year = Number(values.deadline.slice(0, 4));
  const cycle = await findCycleByYear(tx, year);
  if (!cycle) return null;
  const [row] = await insertMilestones(tx, [
    {
      tenantId: deadline.tenantId,
      cycleId: cycle.id,
      title: values.title,
      description: values.description,
      deadline: values.deadline,
      ownerRole: values.ownerRole,
      concerns: values.concerns,
      ...targetColumns(values),
      reminderOffsets: values.reminderOffsets,
      overdueEveryDays: values.overdueEveryDays,
      escalateAfterDays: values.escalateAfterDays,
    },
  ]);
  await appendAudit(tx, { tenantId: deadline.tenantId, actor: deadline.actorLabel, action: 'wheel.milestone.create', subjectType: 'wheel_milestone', subjectId: row!.id, requestId: deadline.requestId, details: { year, source: deadline.source.type, sourceId: deadline.source.id } });
  return row!.id;
}
