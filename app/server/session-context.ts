// The per-request view of who is signed in, which tenant and which language, set by the root
// middleware (app/server/middleware.server.ts) and read by every loader and action.
import { createContext } from 'react-router';
import type { ResolvedSession } from '../../core/auth/resolve-session.ts';
import type { Language } from '../../locales/index.ts';

export interface SessionState {
  session: ResolvedSession | null;
  /** Token every state-changing form must echo back (hidden field `_csrf`). */
  csrfToken: string;
  language: Language;
  /** Set-Cookie headers to add to the response. */
  setCookies: string[];
}

export const sessionContext = createContext<SessionState>();
