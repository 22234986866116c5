// /unit-plans/:unitId — the unit page's link: opens the unit's plan of the current year of the
// annual wheel (or the next one it has), or the list when there is no wheel yet.
import { redirect } from 'react-router';
import type { Route } from './+types/unit-plans.$unitId';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { findUnitPlanYear } from '../../core/unit-plan/find-unit-plan-year.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const found = await runForPage(context, () => findUnitPlanYear({ database: getServices(context).database, actor, unitId: params.unitId }));
  return redirect(found.year === null ? '/unit-plans' : `/unit-plans/${found.unitId}/${found.year}`);
}
