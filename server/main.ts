// Process entrypoint: `node server/main.ts` (production build) or `node server/main.ts --dev`.
// Sets NODE_ENV before any library is loaded (React and React Router pick their production
// builds from it), then starts the server (server/run.ts).
process.env.NODE_ENV ??= process.argv.includes('--dev') ? 'development' : 'production';
await import('./run.ts');

export {};
