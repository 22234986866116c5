// Start the real app (built bundle, real HTTP) on a free port against a test database, and a
// small client that keeps cookies and sends the CSRF token like a browser form would.
import { loadEnv } from '../../server/env.ts';
import { startApp, type RunningApp } from '../../server/app.ts';
import { startSession } from '../../core/auth/start-session.ts';
import { SESSION_COOKIE } from '../../app/server/cookies.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestApp {
  app: RunningApp;
  db: TestDatabase;
  url: string;
  close(): Promise<void>;
}

export async function startTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rytme-test-'));
  const env = loadEnv({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO: '0', COOKIE_SECURE: '0', NODE_ENV: 'test', DATA_DIR: dataDir, ...(db.url ? { DATABASE_URL: db.url } : {}), ...envOverrides });
  const app = await startApp({ env, database: db.database });
  return {
    app,
    db,
    url: app.url.replace('localhost', '127.0.0.1'),
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** A cookie-keeping HTTP client. */
export class Client {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
      if (name === 'rytme_csrf' && !this.csrf) this.csrf = value;
    }
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: 'manual' });
    this.remember(response);
    return response;
  }

  async get(pathname: string, init: RequestInit = {}) {
    return this.fetch(pathname, init);
  }

  /** Fetch a page first (to obtain a CSRF cookie when not signed in). */
  async primeCsrf() {
    if (!this.csrf) await this.get('/');
  }

  /** Submit a form like a browser: urlencoded with the _csrf field. */
  async postForm(pathname: string, fields: Record<string, string>) {
    await this.primeCsrf();
    const body = new URLSearchParams({ _csrf: this.csrf ?? '', ...fields });
    return this.fetch(pathname, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}

/** Sign a client in as an account by creating a session directly (for tests not about sign-in). */
export async function signInAs(testApp: TestApp, tenantId: string, accountId: string): Promise<Client> {
  const client = new Client(testApp.url);
  const session = await testApp.db.database.withPlatform((tx) => startSession(tx, { tenantId, accountId, now: new Date(), absoluteMinutes: 60 }));
  client.cookies.set(SESSION_COOKIE, session.token);
  client.csrf = session.csrfToken;
  return client;
}
