// Server rendering: renders the React tree with the request's CSP nonce on every inline
// script. Also re-exports the router contexts so server/http.ts uses the same keys.
import { PassThrough } from 'node:stream';
import type { EntryContext, RouterContextProvider } from 'react-router';
import { ServerRouter } from 'react-router';
import { renderToPipeableStream } from 'react-dom/server';
import { requestContext } from './server/context.ts';

export { servicesContext, requestContext } from './server/context.ts';

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const info = loadContext.get(requestContext);
  // Our loaders resolve before rendering (no deferred data), so the page is rendered whole
  // and sent in one write: far fewer socket writes than streaming React's small chunks.
  return new Promise((resolve, reject) => {
    let settled = false;
    const timeoutId = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={info.nonce} />, {
      nonce: info.nonce,
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = new PassThrough();
        sink.on('data', (chunk: Buffer) => chunks.push(chunk));
        sink.on('end', () => {
          clearTimeout(timeoutId);
          settled = true;
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        });
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timeoutId);
        if (!settled) reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        info.log.error({ err: error }, 'render error');
      },
    });
  });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: RouterContextProvider }) {
  if (request.signal.aborted) return;
  const info = context.get(requestContext);
  info.log.error({ err: error }, 'unhandled route error');
}
