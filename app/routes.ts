// Route table. Each area keeps its routes in its own block.
import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('language', 'routes/language.tsx'),

  // --- auth ---
  route('logout', 'routes/logout.tsx'),
  // --- end auth ---

  // --- org and people ---
  // --- end org and people ---

  // --- admin and import ---
  // --- end admin and import ---

  // --- platform ---
  // --- end platform ---

  // --- api ---
  // --- end api ---
  route('api/*', 'routes/api.v1/not-found.ts'),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
