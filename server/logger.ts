// pino JSON logs. Every request line carries the request id; no personal data is logged
// (ids only, never names, e-mail addresses or assessment content).
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'rytme' },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'], censor: '***' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
