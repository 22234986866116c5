// The personal iCalendar feed (RFC 5545) behind a secret link: every deadline that concerns
// the person — milestones targeting a unit they lead (or one below it), and milestones owned
// by a role they hold — from a year back to two years ahead. The link is the credential:
// looked up by its hash; an unknown, revoked or disabled account's link answers NOT_FOUND.
import type { Database } from '../../db/client.ts';
import { loadActorFacts } from '../../db/repositories/session.repository.ts';
import { findAccountByFeedHash, listMilestonesWithDeadlineBetween, listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { buildActor } from '../auth/build-actor.ts';
import { hashSecret } from '../auth/tokens.ts';
import { pathWithin } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { can } from '../shared/policy.ts';
import { addDays, buildIcs, osloDate, targetUnits, type CalendarEvent } from './annual-wheel.rules.ts';
import { milestoneLink } from './wheel-mail.ts';
import { FEED_PREFIX } from './manage-calendar-feed.ts';

export interface GetCalendarFeedOptions {
  database: Database;
  token: string;
  publicUrl: string;
  language: Language;
  now?: Date;
}

export async function getCalendarFeed({ database, token, publicUrl, language, now = new Date() }: GetCalendarFeedOptions): Promise<string> {
  if (!token.startsWith(FEED_PREFIX) || token.length > 200) throw notFound();
  const found = await database.withPlatform(async (tx) => {
    const account = await findAccountByFeedHash(tx, hashSecret(token));
    if (!account) return null;
    return { account, facts: await loadActorFacts(tx, account.accountId, account.personId) };
  });
  if (!found) throw notFound();
  const actor = buildActor({ tenantId: found.account.tenantId, accountId: found.account.accountId, personId: found.account.personId, assignedRoles: found.facts.roles, leaderUnitPaths: found.facts.leaderUnitPaths, ownUnitPaths: found.facts.ownUnitPaths });
  if (!can(actor, 'wheel.read', { tenantId: actor.tenantId })) throw notFound();
  const today = osloDate(now);
  const events = await database.withTenant(actor.tenantId, async (tx) => {
    const milestones = await listMilestonesWithDeadlineBetween(tx, addDays(today, -365), addDays(today, 730));
    const units = await listUnitsForTargets(tx);
    const out: CalendarEvent[] = [];
    for (const { milestone: m } of milestones) {
      const targets = targetUnits(m, units);
      const mine = targets.wholeMunicipality ? [] : targets.units.filter((u) => pathWithin(u.path, actor.leaderUnitPaths));
      const owned = actor.roles.has(m.ownerRole as never) && m.ownerRole !== 'unit_leader';
      if (mine.length === 0 && !owned) continue;
      const who = mine.length ? mine.map((u) => u.name).join(', ') : translate(language, `wheel.ownerRole.${m.ownerRole}`);
      out.push({ uid: `${m.id}@rytme`, date: m.deadline, summary: m.title, description: `${translate(language, 'wheel.feed.for', { who })}\n${m.description}`.trim(), url: milestoneLink(publicUrl, m.id) });
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  });
  return buildIcs({ name: translate(language, 'wheel.feed.name'), events, now });
}
