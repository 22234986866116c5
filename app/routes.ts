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
  // --- end admin and import ---

  // --- platform ---
  route('platform', 'routes/platform.tsx'),
  route('platform/tenants/new', 'routes/platform.tenants.new.tsx'),
  // --- end platform ---

  // --- api ---
  // --- end api ---
  route('api/*', 'routes/api.v1/not-found.ts'),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
