// The issue's reminder test: a local SMTP server, a tenant with 200 unit leaders who each have a
// reminder due today, and app instances that run the reminder job at the same time.
//
// On PostgreSQL (TEST_DATABASE_URL): two real processes (`node server/main.ts`) on one fresh
// database, each with its own pool and pg-boss worker. Two runs of the `wheel.reminders` job go
// into the shared queue (the test's own queue client sends them, as the schedule would), so each
// instance takes one. One instance claims every step (one transaction), then both send: claimed
// rows are mailed by whichever instance takes them. When both have mailed some, instance A is
// killed (SIGKILL) mid-run; B sends the rest; A restarts and a later run sends nothing new; the
// rows A had taken but not marked are sent by the first run after STALE_MINUTES (the use case with
// that clock). Every (person, milestone, unit, step) arrives exactly once, except the documented
// window in send-due-reminders.ts: a row whose mail the SMTP server had received when A died but
// whose acceptance A never recorded arrives twice. The SMTP server waits 40 ms before its 250 OK,
// so the kill can land there; the test names such rows and asserts there is at most one (A sends
// one mail at a time) and that no row is lost.
//
// On PGlite the database lives inside one process, so there is no second process to kill: two
// instances in this process share the embedded database and run the job at the same time, and
// each reminder arrives exactly once. The kill needs PostgreSQL (the test's name says so).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client.ts';
import { accounts, notifications, wheelReminders } from '../../db/schema/index.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { reminderDay } from '../../core/annual-wheel/annual-wheel.rules.ts';
import { SEND_BATCH, STALE_MINUTES, sendDueReminders } from '../../core/annual-wheel/send-due-reminders.ts';
import { wheelRemindersJob } from '../../jobs/wheel.jobs.ts';
import { createJobQueue, type JobQueue } from '../../jobs/queue.ts';
import { createMailer } from '../../server/mail.ts';
import { createLogger } from '../../server/logger.ts';
import { loadEnv } from '../../server/env.ts';
import { startApp, type RunningApp } from '../../server/app.ts';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.ts';
import { createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';
import { dropTestDatabase, usingServer } from '../support/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const nodeBin = path.join(root, 'node_modules', '.bin', 'node');
const LEADERS = 200;
const leaderAddress = (i: number) => `leiar${String(i).padStart(3, '0')}@eining.example.no`;

interface Child {
  process: ChildProcess;
  lines: Array<Record<string, unknown>>;
  exit: Promise<number | null>;
}

async function startChild(env: Record<string, string>): Promise<Child> {
  const proc = spawn(nodeBin, ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DEMO: '0', PORT: '0', HOST: '127.0.0.1', COOKIE_SECURE: '0', LOG_LEVEL: 'info', WEB_CONCURRENCY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffer = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not a log line */
      }
    }
  });
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (lines.some((l) => l.msg === 'listening')) return { process: proc, lines, exit };
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  proc.kill('SIGKILL');
  throw new Error(`the app did not start: ${stderr.slice(0, 2000)}`);
}

async function until<T>(what: string, fn: () => T | undefined | false, ms = 30_000): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A tenant with LEADERS units, each led by a person with an account, and one milestone whose on-the-day reminder is due now. */
async function seedTenant(database: Database): Promise<string> {
  const tenantId = (await createTenant(database, { name: 'Mangeleiarvik' })).id;
  const top = await createUnit(database, tenantId, { kind: 'kommune' });
  for (let start = 0; start < LEADERS; start += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, LEADERS - start) }, async (_, k) => {
        const i = start + k;
        const unit = await createUnit(database, tenantId, { parent: top, name: `Eining ${i}`, kind: 'eining' });
        const leader = await createPerson(database, tenantId, { unitId: unit.id });
        await makeLeader(database, tenantId, unit.id, leader.person.id);
        await createAccount(database, tenantId, { personId: leader.person.id, email: leaderAddress(i), password: null });
      }),
    );
  }
  const day = reminderDay(new Date());
  await createMilestone({
    database,
    actor: { kind: 'system', tenantId, purpose: 'test' },
    year: Number(day.slice(0, 4)),
    language: 'nn',
    input: { title: 'Kartleggingsskjema levert', deadline: day, ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'kind:eining', reminderOffsets: '0', overdueEveryDays: '0', escalateAfterDays: '' },
  });
  return tenantId;
}

function countByAddress(messages: readonly ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

async function reminderRows(database: Database, tenantId: string) {
  return database.withTenant(tenantId, (tx) =>
    tx.select({ id: wheelReminders.id, accountId: wheelReminders.accountId, unitKey: wheelReminders.unitKey, step: wheelReminders.step, status: wheelReminders.status, attempts: wheelReminders.attempts }).from(wheelReminders).where(eq(wheelReminders.tenantId, tenantId)),
  );
}

async function reminderNotifications(database: Database, tenantId: string): Promise<number> {
  const rows = await database.withTenant(tenantId, (tx) => tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.kind, 'wheel.reminder')));
  return rows.length;
}

if (usingServer) {
  describe('wheel reminders on two app processes sharing one PostgreSQL database', () => {
    let smtp: TestSmtp;
    let shared: Database;
    let queue: JobQueue;
    let databaseUrl: string;
    let dropDatabase: () => Promise<void>;
    const dirs: string[] = [];
    const children: Child[] = [];
    const envFor = (name: string) => {
      const dir = mkdtempSync(path.join(tmpdir(), `rytme-wheel-${name}-`));
      dirs.push(dir);
      return { DATABASE_URL: databaseUrl, DATA_DIR: dir, SESSION_SECRET: 'a-test-secret-of-at-least-32-characters', SMTP_URL: smtp.url, MAIL_FROM: `Rytme ${name} <rytme-${name}@example.no>`, PUBLIC_URL: 'https://rytme.example.no', RUN_WORKERS: '1' };
    };

    before(async () => {
      smtp = await startTestSmtp({ acceptDelayMs: 40 });
      const adminUrl = process.env.TEST_DATABASE_URL!;
      const name = `rytme_wheelx_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        await dropTestDatabase(adminUrl, name);
      };
    });
    after(async () => {
      for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
      await Promise.all(children.map((c) => c.exit));
      await queue?.stop();
      await shared?.close();
      await dropDatabase?.();
      await smtp?.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    it('each reminder arrives exactly once when instance A is killed mid-run, B finishes, and A restarts (at most the one mail in flight at the kill twice, named)', { timeout: 120_000 }, async () => {
      // Both instances start at once against the empty database (both migrate; the advisory lock serialises them).
      const [a, b] = await Promise.all([startChild(envFor('a')), startChild(envFor('b'))]);
      children.push(a, b);
      shared = await openDatabase({ url: databaseUrl, poolSize: 5 });
      const tenantId = await seedTenant(shared);
      queue = createJobQueue({ database: shared, logger: createLogger('silent'), runWorkers: false, connectionString: databaseUrl });
      await queue.start();
      const fromA = () => smtp.messages.filter((m) => m.from === 'rytme-a@example.no').length;
      const fromB = () => smtp.messages.filter((m) => m.from === 'rytme-b@example.no').length;
      const runsOf = (c: Child) => c.lines.filter((l) => l.msg === 'wheel reminders run');

      // Runs in the shared queue, as the schedule would put them there when runs overlap: each
      // instance's worker takes one at a time, so both are running the job at once. (A run that
      // finds its steps claimed and every pending row taken ends; the next queued run takes more.)
      for (let i = 0; i < 4; i++) await queue.send(wheelRemindersJob, {});

      // Kill A while mails are flowing from both.
      await until('mails from both instances', () => fromA() >= 3 && fromB() >= 3).catch((error: unknown) => {
        const tail = (c: Child) => c.lines.slice(-8).map((l) => JSON.stringify({ msg: l.msg, job: l.job, err: l.err, claimed: l.claimed, sent: l.sent, time: l.time })).join('\n');
        throw new Error(`${String(error)}: ${fromA()} from A, ${fromB()} from B, ${smtp.messages.length} in all\nA:\n${tail(a)}\nB:\n${tail(b)}`);
      });
      a.process.kill('SIGKILL');
      await a.exit;
      const receivedAtKill = smtp.messages.slice();
      const receivedByAKill = new Set(receivedAtKill.flatMap((m) => m.to));
      assert.ok(receivedAtKill.length < LEADERS, `the kill landed mid-run (${receivedAtKill.length} of ${LEADERS} mails received)`);

      // B sends every row still pending, including rows claimed by the other instance: the claim/send split.
      const count = (c: Child, msg: string) => c.lines.filter((l) => l.msg === msg).length;
      // Of the four queued runs, A started some (one of them killed); B runs all the others.
      const idle = (c: Child) => count(c, 'job done') >= 4 - count(a, 'job started');
      for (let i = 0; i < 600; i++) {
        const pending = (await reminderRows(shared, tenantId)).filter((r) => r.status === 'pending').length;
        if (pending === 0 && idle(b)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(idle(b), 'B finished its runs');
      const claimedByB = runsOf(b).reduce((n, l) => n + Number(l.claimed), 0);
      const sentByB = runsOf(b).reduce((n, l) => n + Number(l.sent), 0);
      assert.ok(claimedByB === 0 || runsOf(b).some((l) => l.claimed === LEADERS), `one run claimed every step in one transaction (B claimed ${claimedByB})`);
      assert.ok(sentByB >= 3 && fromA() >= 3, 'rows claimed by one instance were sent by the other');
      const rowsAfterKill = await reminderRows(shared, tenantId);
      assert.equal(rowsAfterKill.length, LEADERS, 'every step was claimed once');
      assert.equal(await reminderNotifications(shared, tenantId), LEADERS, 'one in-app notification per claimed step, committed with the claim');
      // A's taken-but-unmarked batch is all that is not sent: at most one batch.
      const stranded = rowsAfterKill.filter((r) => r.status !== 'sent');
      assert.ok(stranded.every((r) => r.status === 'sending' && r.attempts === 1), 'only rows A had taken are unsent');
      assert.ok(stranded.length <= SEND_BATCH, `at most one batch stranded (${stranded.length}; A mailed ${fromA()}, B ${fromB()}, B runs ${JSON.stringify(runsOf(b).map((l) => [l.claimed, l.sent]))})`);
      const addressOf = new Map((await shared.withTenant(tenantId, (tx) => tx.select({ id: accounts.id, email: accounts.email }).from(accounts))).map((acc) => [acc.id, acc.email]));
      // The documented window: rows whose mail the SMTP server had when A died, but A had not marked sent.
      const windowRows = stranded.filter((r) => receivedByAKill.has(addressOf.get(r.accountId)!));
      assert.ok(windowRows.length <= 1, `at most the one mail in flight is in the window: ${windowRows.map((r) => addressOf.get(r.accountId)).join(', ')}`);
      if (windowRows.length) console.log(`# kill landed in the duplicate window for: ${windowRows.map((r) => `${addressOf.get(r.accountId)} (unit ${r.unitKey}, step ${r.step})`).join('; ')}`);
      // Nothing but the stranded rows is missing.
      const received = countByAddress(smtp.messages);
      for (const r of rowsAfterKill) if (r.status === 'sent') assert.equal(received.get(addressOf.get(r.accountId)!), 1, `sent row ${addressOf.get(r.accountId)} arrived once`);

      // A restarts; a later run (whichever instance takes it) sends nothing new: no step is claimed
      // twice, and A's stranded rows wait STALE_MINUTES in case their mail did go out.
      const a2 = await startChild(envFor('a'));
      children.push(a2);
      const before = smtp.messages.length;
      const runsBefore = runsOf(a2).length + runsOf(b).length;
      await queue.send(wheelRemindersJob, {});
      await until('the next run', () => runsOf(a2).length + runsOf(b).length > runsBefore);
      const next = [...runsOf(a2), ...runsOf(b)].at(-1)!;
      assert.equal(next.claimed, 0);
      assert.equal(next.sent, 0);
      assert.equal(smtp.messages.length, before, 'no mail from the run after the restart');

      // The first run after STALE_MINUTES sends the stranded rows (the use case with that clock).
      const later = new Date(Date.now() + (STALE_MINUTES + 1) * 60_000);
      const mailer = createMailer({ database: shared, smtpUrl: smtp.url, from: 'Rytme <rytme-later@example.no>', outboxDir: dirs[0]!, logger: createLogger('silent') });
      const recovery = await sendDueReminders({ database: shared, mailer, tenantId, now: later, publicUrl: 'https://rytme.example.no' });
      assert.equal(recovery.claimed, 0);
      assert.equal(recovery.sent, stranded.length);

      // Every row sent; every leader has exactly one mail, but the named window rows have two.
      const finalRows = await reminderRows(shared, tenantId);
      assert.ok(finalRows.every((r) => r.status === 'sent'), 'no row lost');
      const finalCounts = countByAddress(smtp.messages);
      const twice = new Set(windowRows.map((r) => addressOf.get(r.accountId)!));
      for (let i = 0; i < LEADERS; i++) assert.equal(finalCounts.get(leaderAddress(i)), twice.has(leaderAddress(i)) ? 2 : 1, leaderAddress(i));
      assert.equal(smtp.messages.length, LEADERS + twice.size);
      assert.ok(fromA() >= 3 && fromB() >= 3, 'both instances sent');
    });
  });
} else {
  describe('wheel reminders on two app instances sharing one embedded PGlite database (one process; killing an instance mid-run needs PostgreSQL: TEST_DATABASE_URL)', () => {
    let smtp: TestSmtp;
    let shared: Database;
    let a: RunningApp;
    let b: RunningApp;
    const dirs: string[] = [];
    const envFor = (name: string) => {
      const dir = mkdtempSync(path.join(tmpdir(), `rytme-wheel-${name}-`));
      dirs.push(dir);
      return loadEnv({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO: '0', COOKIE_SECURE: '0', NODE_ENV: 'test', DATA_DIR: dir, SMTP_URL: smtp.url, MAIL_FROM: `Rytme ${name} <rytme-${name}@example.no>` });
    };

    before(async () => {
      smtp = await startTestSmtp({ acceptDelayMs: 5 });
      shared = await openDatabase({});
      a = await startApp({ env: envFor('a'), database: shared });
      b = await startApp({ env: envFor('b'), database: shared });
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await shared?.close();
      await smtp?.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    it('two runs at once, one from each instance, mail each of 200 leaders exactly once', { timeout: 120_000 }, async () => {
      const tenantId = await seedTenant(shared);
      const ids = await Promise.all([a.services.jobs.send(wheelRemindersJob, {}), b.services.jobs.send(wheelRemindersJob, {})]);
      for (const id of ids) {
        assert.ok(id);
        for (let i = 0; i < 600; i++) {
          const job = await a.services.jobs.boss.getJobById(wheelRemindersJob.id, id);
          assert.notEqual(job?.state, 'failed');
          if (job?.state === 'completed') break;
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.equal((await a.services.jobs.boss.getJobById(wheelRemindersJob.id, id))?.state, 'completed');
      }
      const counts = countByAddress(smtp.messages);
      for (let i = 0; i < LEADERS; i++) assert.equal(counts.get(leaderAddress(i)), 1, leaderAddress(i));
      assert.equal(smtp.messages.length, LEADERS);
      const rows = await reminderRows(shared, tenantId);
      assert.equal(rows.length, LEADERS);
      assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1));
      assert.equal(await reminderNotifications(shared, tenantId), LEADERS);
    });
  });
}
