// GET /api/v1/persons/{personId} — a person with employments (audited read), ETag = version.
// PATCH — merge-patch of names, contact and birth year under If-Match (audited write).
import type { Route } from './+types/person';
import { getPerson as getPersonProfile, type PersonProfile } from '../../../core/people/get-person.ts';
import { updatePerson as updatePersonFields } from '../../../core/people/update-person.ts';
import { AppError } from '../../../core/shared/app-error.ts';
import { apiHandler } from '../../http/api.server.ts';
import { getPerson, updatePerson } from './endpoints.ts';

function present(profile: PersonProfile) {
  const { person, employments } = profile;
  return {
    ...person,
    employments: employments.map((e) => ({
      id: e.id,
      unitId: e.unitId,
      unitPathNames: e.unitPathNames,
      employeeNumber: e.employeeNumber,
      positionTitle: e.positionTitle,
      ftePercent: e.ftePercent,
      styrk08: e.styrk08,
      occupationName: e.occupationName,
      ksJobCode: e.ksJobCode,
      occupationalGroup: e.occupationalGroup,
      startDate: e.startDate,
      endDate: e.endDate,
      active: e.active,
    })),
  };
}

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(getPerson, args, async ({ actor, params, services, info }) => {
    const profile = await getPersonProfile({ database: services.database, actor, personId: params.personId, requestId: info.requestId });
    return { body: present(profile), version: profile.person.version };
  });

export const action = (args: Route.ActionArgs) =>
  apiHandler(updatePerson, args, async ({ actor, params, body, expectedVersion, services, info }) => {
    const current = await getPersonProfile({ database: services.database, actor, personId: params.personId, requestId: info.requestId });
    const { givenName, familyName, email, phone, birthYear } = current.person;
    const merged = { givenName, familyName, email, phone, birthYear, ...body, version: expectedVersion };
    try {
      const saved = await updatePersonFields({ database: services.database, actor, personId: params.personId, input: merged, requestId: info.requestId });
      const person = { ...current.person, ...body, version: saved.version };
      return { body: present({ ...current, person }), version: saved.version };
    } catch (error) {
      // Field paths of the person rules are the body's fields.
      if (AppError.is(error, 'VALIDATION')) throw new AppError('VALIDATION', { issues: error.issues.map((i) => ({ ...i, path: `body.${i.path}` })) });
      throw error;
    }
  });
