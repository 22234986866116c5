// The first start of an empty installation: one municipality and one administrator (tenant and
// platform admin) with a set-password link, created once even when instances start together,
// and never again once any municipality exists.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { bootstrapPlatform } from '../../core/platform/bootstrap-platform.ts';
import { accounts, auditLog, passwordResetTokens, roleAssignments, tenants } from '../../db/schema/index.ts';
import { createLogger } from '../../server/logger.ts';
import { createMailer, type Mailer } from '../../server/mail.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const input = { name: 'Fyrstevik kommune', slug: 'fyrstevik', municipalityNumber: '4990', defaultLanguage: 'nn', adminName: 'Fyrste Admin', adminEmail: 'fyrste@fyrstevik.kommune.no' };

describe('bootstrapping an empty installation', () => {
  let t: TestDatabase;
  let mailer: Mailer;
  before(async () => {
    t = await createTestDatabase();
    mailer = createMailer({ database: t.database, from: 'Rytme <rytme@localhost>', outboxDir: mkdtempSync(path.join(tmpdir(), 'rytme-boot-')), logger: createLogger('silent') });
  });
  after(() => t.close());

  it('creates exactly one municipality even when two instances start at once', async () => {
    const now = new Date();
    const results = await Promise.allSettled([
      bootstrapPlatform({ database: t.database, mailer, publicUrl: 'https://rytme.example.no', now, input }),
      bootstrapPlatform({ database: t.database, mailer, publicUrl: 'https://rytme.example.no', now, input }),
    ]);
    const created = results.filter((r) => r.status === 'fulfilled' && r.value.created);
    assert.equal(created.length, 1, JSON.stringify(results.map((r) => r.status === 'fulfilled' ? r.value : String(r.reason))));
    const all = await t.database.withPlatform((tx) => tx.select().from(tenants));
    assert.equal(all.length, 1);
    const tenant = all[0]!;
    assert.equal(tenant.slug, 'fyrstevik');
    const [account] = await t.database.withTenant(tenant.id, (tx) => tx.select().from(accounts));
    const roles = await t.database.withTenant(tenant.id, (tx) => tx.select({ role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.accountId, account!.id)));
    assert.deepEqual(roles.map((r) => r.role).sort(), ['platform_admin', 'tenant_admin']);
    const tokens = await t.database.withTenant(tenant.id, (tx) => tx.select().from(passwordResetTokens));
    assert.equal(tokens.length, 1);
    const audit = await t.database.withTenant(tenant.id, (tx) => tx.select({ action: auditLog.action, actor: auditLog.actor }).from(auditLog));
    assert.deepEqual(audit.map((a) => `${a.actor} ${a.action}`).sort(), ['system:bootstrap account.create', 'system:bootstrap platform.tenant.create']);
  });

  it('does nothing once a municipality exists', async () => {
    const again = await bootstrapPlatform({ database: t.database, mailer, publicUrl: 'https://rytme.example.no', now: new Date(), input: { ...input, slug: 'andrevik', municipalityNumber: '4991' } });
    assert.deepEqual(again, { created: false });
    const all = await t.database.withPlatform((tx) => tx.select().from(tenants));
    assert.equal(all.length, 1);
  });

  it('refuses invalid bootstrap settings', async () => {
    await assert.rejects(bootstrapPlatform({ database: t.database, mailer, publicUrl: 'https://x', now: new Date(), input: { ...input, slug: 'Ikkje Gyldig' } }), /VALIDATION/);
  });
});
