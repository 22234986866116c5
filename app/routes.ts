// Route table. Each area keeps its routes in its own block.
import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('language', 'routes/language.tsx'),

  // --- auth ---
  route('logout', 'routes/logout.tsx'),
  route('login', 'routes/login.tsx'),
  route('password/forgot', 'routes/password.forgot.tsx'),
  route('password/reset/:token', 'routes/password.reset.$token.tsx'),
  route('auth/oidc/start', 'routes/auth.oidc.start.tsx'),
  route('auth/oidc/callback', 'routes/auth.oidc.callback.tsx'),
  route('account', 'routes/account.tsx'),
  route('admin/accounts', 'routes/admin.accounts.tsx'),
  route('admin/accounts/new', 'routes/admin.accounts.new.tsx'),
  route('admin/accounts/:accountId', 'routes/admin.accounts.$accountId.tsx'),
  route('admin/settings', 'routes/admin.settings.tsx'),
  route('admin/outbox', 'routes/admin.outbox.tsx'),
  // --- end auth ---

  // --- org and people ---
  route('org', 'routes/org.tsx'),
  route('org/units/new', 'routes/org.units.new.tsx'),
  route('org/units/:unitId', 'routes/org.units.$unitId.tsx'),
  route('org/units/:unitId/edit', 'routes/org.units.$unitId.edit.tsx'),
  route('people', 'routes/people.tsx'),
  route('people/:personId', 'routes/people.$personId.tsx'),
  route('people/:personId/edit', 'routes/people.$personId.edit.tsx'),
  route('people/:personId/export', 'routes/people.$personId.export.tsx'),
  route('me', 'routes/me.tsx'),
  // --- end org and people ---

  // --- admin and import ---
  route('admin', 'routes/admin.tsx'),
  route('admin/audit', 'routes/admin.audit.tsx'),
  route('admin/audit/export', 'routes/admin.audit.export.ts'),
  route('admin/import', 'routes/admin.import.tsx'),
  route('admin/import/template/:format', 'routes/admin.import.template.ts'),
  route('admin/import/:runId', 'routes/admin.import.$runId.tsx'),
  // --- end admin and import ---

  // --- annual wheel ---
  route('wheel', 'routes/wheel.tsx'),
  route('wheel/milestones', 'routes/wheel.milestones.tsx'),
  route('wheel/milestones/new', 'routes/wheel.milestones.new.tsx'),
  route('wheel/milestones/:milestoneId', 'routes/wheel.milestones.$milestoneId.tsx'),
  route('wheel/milestones/:milestoneId/edit', 'routes/wheel.milestones.$milestoneId.edit.tsx'),
  route('wheel/board', 'routes/wheel.board.tsx'),
  route('wheel/region', 'routes/wheel.region.tsx'),
  route('wheel/region/new', 'routes/wheel.region.new.tsx'),
  route('wheel/region/:regionMilestoneId/edit', 'routes/wheel.region.$regionMilestoneId.edit.tsx'),
  route('wheel/templates', 'routes/wheel.templates.tsx'),
  route('wheel/notifications', 'routes/wheel.notifications.tsx'),
  route('wheel/log', 'routes/wheel.log.tsx'),
  route('wheel/feed/:token', 'routes/wheel.feed.$token.ts'),
  // --- end annual wheel ---
  // --- roster ---
  route('roster', 'routes/roster.tsx'),
  route('roster/rules', 'routes/roster.rule-sets.tsx'),
  route('roster/units/:unitId/new', 'routes/roster.units.$unitId.new.tsx'),
  route('roster/periods/:periodId', 'routes/roster.periods.$periodId.tsx'),
  route('roster/periods/:periodId/setup', 'routes/roster.periods.$periodId.setup.tsx'),
  route('roster/periods/:periodId/grid', 'routes/roster.periods.$periodId.grid.tsx'),
  route('roster/periods/:periodId/wishes', 'routes/roster.periods.$periodId.wishes.tsx'),
  route('roster/periods/:periodId/ics', 'routes/roster.periods.$periodId.ics.ts'),
  route('roster/periods/:periodId/pdf', 'routes/roster.periods.$periodId.pdf.ts'),
  route('roster/periods/:periodId/xlsx', 'routes/roster.periods.$periodId.xlsx.ts'),
  // --- end roster ---

  // --- maturity ---
  route('maturity', 'routes/maturity.tsx'),
  route('maturity/checklist', 'routes/maturity.checklist.tsx'),
  route('maturity/checklist/:unitId', 'routes/maturity.checklist.$unitId.tsx'),
  route('maturity/survey', 'routes/maturity.survey.tsx'),
  route('maturity/survey/admin', 'routes/maturity.survey.admin.tsx'),
  route('maturity/survey/results', 'routes/maturity.survey.results.tsx'),
  // --- end maturity ---

  // --- strategic plan ---
  route('strategic-plans', 'routes/strategic-plans.tsx'),
  route('strategic-plans/:planId', 'routes/strategic-plans.$planId.tsx'),
  route('strategic-plans/:planId/steps/:step', 'routes/strategic-plans.$planId.steps.$step.tsx'),
  route('strategic-plans/:planId/print', 'routes/strategic-plans.$planId.print.tsx'),
  // --- end strategic plan ---

  // --- needs mapping ---
  route('mapping', 'routes/mapping.tsx'),
  route('mapping/overview', 'routes/mapping.overview.tsx'),
  route('mapping/areas', 'routes/mapping.areas.tsx'),
  route('mapping/offers', 'routes/mapping.offers.tsx'),
  route('mapping/units/:unitId', 'routes/mapping.units.$unitId.tsx'),
  route('mapping/units/:unitId/edit', 'routes/mapping.units.$unitId.edit.tsx'),
  route('mapping/units/:unitId/basis', 'routes/mapping.units.$unitId.basis.tsx'),
  // --- end needs mapping ---

  // --- catalogue ---
  route('catalogue', 'routes/catalogue.tsx'),
  route('catalogue/providers', 'routes/catalogue.providers.tsx'),
  route('catalogue/approvals', 'routes/catalogue.approvals.tsx'),
  route('catalogue/evaluations', 'routes/catalogue.evaluations.tsx'),
  route('catalogue/measures/new', 'routes/catalogue.measures.new.tsx'),
  route('catalogue/measures/:measureId', 'routes/catalogue.measures.$measureId.tsx'),
  route('catalogue/measures/:measureId/edit', 'routes/catalogue.measures.$measureId.edit.tsx'),
  route('catalogue/measures/:measureId/attendance', 'routes/catalogue.measures.$measureId.attendance.tsx'),
  route('catalogue/measures/:measureId/feedback', 'routes/catalogue.measures.$measureId.feedback.tsx'),
  // --- end catalogue ---

  // --- dashboard ---
  route('dashboard', 'routes/dashboard.tsx'),
  // --- end dashboard ---
  // --- competence plan ---
  route('competence-plans', 'routes/competence-plans.tsx'),
  route('competence-plans/:competencePlanId', 'routes/competence-plans.$competencePlanId.tsx'),
  route('competence-plans/:competencePlanId/pdf', 'routes/competence-plans.$competencePlanId.pdf.ts'),
  route('competence-plans/:competencePlanId/xlsx', 'routes/competence-plans.$competencePlanId.xlsx.ts'),
  // --- end competence plan ---
  // --- unit plan ---
  route('unit-plans', 'routes/unit-plans.tsx'),
  route('unit-plans/:unitId', 'routes/unit-plans.$unitId.tsx'),
  route('unit-plans/:unitId/:year', 'routes/unit-plans.$unitId.$year.tsx'),
  route('unit-plans/:unitId/:year/pdf', 'routes/unit-plans.$unitId.$year.pdf.ts'),
  route('unit-plans/:unitId/:year/xlsx', 'routes/unit-plans.$unitId.$year.xlsx.ts'),
  // --- end unit plan ---

  // --- platform ---
  route('platform', 'routes/platform.tsx'),
  route('platform/tenants/new', 'routes/platform.tenants.new.tsx'),
  // --- end platform ---

  // --- api ---
  route('admin/api-tokens', 'routes/admin.api-tokens.tsx'),
  route('api/v1/openapi.json', 'routes/api.v1/openapi.ts'),
  route('api/v1/me', 'routes/api.v1/me.ts'),
  route('api/v1/units', 'routes/api.v1/units.ts'),
  route('api/v1/units/:unitId', 'routes/api.v1/unit.ts'),
  route('api/v1/units/:unitId/members', 'routes/api.v1/unit-members.ts'),
  route('api/v1/persons', 'routes/api.v1/persons.ts'),
  route('api/v1/persons/:personId', 'routes/api.v1/person.ts'),
  route('api/v1/imports', 'routes/api.v1/imports.ts'),
  route('api/v1/imports/:runId', 'routes/api.v1/import.ts'),
  route('api/v1/imports/:runId/preview', 'routes/api.v1/import-preview.ts'),
  route('api/v1/imports/:runId/commit', 'routes/api.v1/import-commit.ts'),
  route('api/v1/occupations', 'routes/api.v1/occupations.ts'),
  // --- end api ---
  route('api/*', 'routes/api.v1/not-found.ts'),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
