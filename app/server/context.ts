// React Router contexts carrying the process services and per-request facts into loaders
// and actions. The server imports them from the built entry module (see entry.server.tsx),
// so the keys are the same objects the routes read.
import { createContext } from 'react-router';
import type { AppServices, RequestInfo } from '../../server/services.ts';

export const servicesContext = createContext<AppServices>();
export const requestContext = createContext<RequestInfo>();
