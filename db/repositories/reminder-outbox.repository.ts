// The claim-then-send outboxes (wheel_reminders, feedback_reminders) share how rows are taken
// to mail: pending ones, failed ones with attempts left (once `staleBefore` has passed since the
// last attempt, so a retry waits for a later run), and ones left 'sending' by a process that died
// more than `staleBefore` ago. Each row moves to 'sending' in one statement under FOR UPDATE SKIP
// LOCKED, so two runs never take the same row. The rows are picked in a materialised CTE: as
// `where id in (select … limit n for update skip locked)` the planner may evaluate the sub-select
// more than once under concurrency and take more than `limit`.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';

export type OutboxTable = 'wheel_reminders' | 'feedback_reminders';

export interface TakeOutboxOptions {
  now: Date;
  staleBefore: Date;
  maxAttempts: number;
  limit: number;
}

/** Take rows of `table` to send; `returning` lists the columns to return (qualified with `r.`). */
export async function takeOutboxRowsToSend<Row>(tx: Tx, table: OutboxTable, returning: SQL, options: TakeOutboxOptions): Promise<Row[]> {
  const t = sql.identifier(table);
  return queryRows<Row>(
    tx,
    sql`
      with picked as materialized (
        select id from ${t}
        where (status = 'pending')
           or (status = 'failed' and attempts < ${options.maxAttempts} and attempted_at < ${options.staleBefore.toISOString()})
           or (status = 'sending' and attempted_at < ${options.staleBefore.toISOString()} and attempts < ${options.maxAttempts})
        order by claimed_at
        limit ${options.limit}
        for update skip locked
      )
      update ${t} r set status = 'sending', attempts = r.attempts + 1, attempted_at = ${options.now.toISOString()}
      from picked where r.id = picked.id
      returning ${returning}`,
  );
}
