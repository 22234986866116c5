// The reminder job's body: send due reminders for every active tenant. A failing tenant is
// logged by the caller and does not stop the others.
import type { Database } from '../../db/client.ts';
import { listActiveTenants } from '../../db/repositories/account.repository.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { sendDueReminders, type ReminderRunResult } from './send-due-reminders.ts';

export interface RunWheelRemindersOptions {
  database: Database;
  mailer: MailSender;
  now: Date;
  publicUrl: string;
  onTenantError?: (tenantId: string, error: unknown) => void;
}

export async function runWheelReminders({ database, mailer, now, publicUrl, onTenantError }: RunWheelRemindersOptions): Promise<ReminderRunResult> {
  const tenants = await database.withPlatform((tx) => listActiveTenants(tx));
  const total: ReminderRunResult = { claimed: 0, sent: 0, failed: 0, mails: 0 };
  for (const tenant of tenants) {
    try {
      const r = await sendDueReminders({ database, mailer, tenantId: tenant.id, now, publicUrl });
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.failed += r.failed;
      total.mails += r.mails;
    } catch (error) {
      onTenantError?.(tenant.id, error);
    }
  }
  return total;
}
