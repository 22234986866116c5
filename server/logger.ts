// pino JSON logs. Every request line carries the request id; no personal data is logged
// (ids only, never names, e-mail addresses or assessment content). Request lines carry the
// path without the query string (server/http.ts). Database errors are logged without the
// bound parameters of the failed query, which may hold personal data.
import pino from 'pino';

export type Logger = pino.Logger;

/** Drizzle's query errors read "Failed query: <sql>\nparams: <values>"; the values are dropped. */
export function withoutQueryParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*$/, '\nparams: ***');
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const out = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  if (typeof out.message === 'string') out.message = withoutQueryParams(out.message);
  if (typeof out.stack === 'string') {
    // The stack repeats the message before its first frame.
    const firstFrame = out.stack.indexOf('\n    at ');
    out.stack = firstFrame < 0 ? withoutQueryParams(out.stack) : withoutQueryParams(out.stack.slice(0, firstFrame)) + out.stack.slice(firstFrame);
  }
  // DrizzleQueryError also carries the values as a property.
  if ('params' in out) out.params = '***';
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'rytme' },
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token', '*.secret', '*.clientSecret'], censor: '***' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}
