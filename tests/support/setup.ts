// Loaded before every test file: an unexpected console.error fails the test that caused it
// (expected errors are logged through pino at level 'silent' in tests, never the console).
const original = console.error;
console.error = (...args: unknown[]) => {
  original(...args);
  throw new Error(`Unexpected console.error: ${args.map(String).join(' ').slice(0, 500)}`);
};
