// The providers with their rating: the mean of participants' usefulness scores and leaders'
// year-end ratings of the provider's measures, with how many evaluations it rests on.
import type { Database } from '../../db/client.ts';
import { listProviders as listRows, listProviderScores } from '../../db/repositories/catalogue.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { canWriteCatalogue } from './catalogue-access.ts';
import { aggregateRating, type Rating } from './catalogue.rules.ts';

export interface ListProvidersOptions {
  database: Database;
  actor: Actor;
}

export interface ProviderView {
  id: string;
  name: string;
  kind: string;
  contact: string;
  rating: Rating;
  feedbackCount: number;
  evaluationCount: number;
}

export async function listProviders({ database, actor }: ListProvidersOptions): Promise<{ providers: ProviderView[]; canWrite: boolean }> {
  authorize(actor, 'catalogue.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await listRows(tx);
    const scores = await listProviderScores(tx);
    return {
      canWrite: canWriteCatalogue(actor),
      providers: rows.map((p) => {
        const mine = scores.filter((s) => s.providerId === p.id);
        return {
          id: p.id,
          name: p.name,
          kind: p.kind,
          contact: p.contact,
          rating: aggregateRating(mine.map((s) => s.score)),
          feedbackCount: mine.filter((s) => s.source === 'feedback').length,
          evaluationCount: mine.filter((s) => s.source === 'evaluation').length,
        };
      }),
    };
  });
}
