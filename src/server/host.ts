// The one HTTP host the course runs on, in either of two modes: the preview LMS (`npm start`,
// scorm/preview/routes.ts) and the team server (`npm run serve`, routes.ts). What keeps a
// server safe is here, once, so a fix lands in both modes:
//   - the guarded server (http.ts: requests take turns, no request can stop it), listen and close;
//   - while bound to loopback, only this machine's names in the Host header (no DNS rebinding);
//   - every state-changing request from this server's own origin (`Origin: null` refused);
//   - the built course under /course/ (course-files.ts);
//   - the error answer: a refusal's status and message, JSON under the mode's API paths and a
//     page elsewhere; unexpected errors logged on one escaped line, client aborts not at all.
// A mode brings only its routes, its API paths, its own errors' statuses, and what it runs on.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { errorMessage } from '../node/fail.ts';
import { terminalSafe } from '../node/terminal-safe.ts';
import { serveCourseFile } from './course-files.ts';
import { FORM_POLICY, policyFor, type PagePolicy } from './csp.ts';
import { COMMON_HEADERS, escapeHtml, guardedServer, HttpError, methodNotAllowed, send, sendJson, type TlsFiles } from './http.ts';
import { checkSameOrigin, requestContext, type RequestContext } from './request-guard.ts';

/** What the host knows of a request by the time a mode sees it (its Host and origin already checked). */
export interface HostRequest {
  url: URL;
  method: string;
  /** GET or HEAD: a request that changes nothing. */
  isGet: boolean;
  context: RequestContext;
  /** The port the host listens on. */
  port: number;
}

/** A mode's own error, as the client is to see it; `log` when an admin should hear of it. */
export interface ErrorAnswer {
  status: number;
  message: string;
  log?: string;
}

export interface HostMode {
  /** Names the mode in log lines ("preview LMS", "course server"). */
  name: string;
  /** Path prefixes whose errors are answered in JSON, as scorm-again reads them. */
  apiPrefixes: readonly string[];
  /** Answers the request and resolves true, or resolves false when no route of the mode matches. */
  handle(req: IncomingMessage, res: ServerResponse, request: HostRequest): Promise<boolean>;
  /** The answer to an error of the mode's own kind (not an HttpError), or undefined. */
  answerFor?(error: unknown): ErrorAnswer | undefined;
  /** Called once the host listens, with the port it got. */
  listening?(port: number): void;
  /** Releases what the mode runs on (a writer thread), after the host has stopped listening. */
  close?(): Promise<void>;
}

export interface HostOptions {
  /** The built course (index.html and its assets), served under /course/. */
  courseDir: string;
  /** 127.0.0.1 by default; 0.0.0.0 serves the network. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Serve HTTPS with this certificate and key. */
  tls?: TlsFiles | undefined;
  /** Believe X-Forwarded-For/-Proto from the reverse proxy in front (only when one is). */
  trustProxy?: boolean;
  /** Where unexpected errors are logged (stderr by default). */
  log?: (line: string) => void;
}

export interface Host {
  url: string;
  port: number;
  /** The address it listens on. */
  host: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** An HTML page with its own policy: its inline blocks allowed by hash, nothing else inline. */
export function sendPage(res: ServerResponse, status: number, page: string, policy: PagePolicy, headers: Record<string, string | string[]> = {}): void {
  send(res, status, page, 'text/html; charset=utf-8', { 'content-security-policy': policyFor(page, policy), ...headers });
}

/** Errors of a client that went away mid-answer: nothing to log. */
function isClientGone(error: unknown, req: IncomingMessage, res: ServerResponse): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE' || req.destroyed || res.destroyed;
}

/** Text from a request or an error, for one log line: short, control characters escaped. */
function oneLine(text: string | undefined): string {
  return terminalSafe((text ?? '').slice(0, 200));
}

export async function startHost(mode: HostMode, options: HostOptions): Promise<Host> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const courseRoot = resolve(options.courseDir);
  const bindHost = options.host ?? '127.0.0.1';
  const trustProxy = options.trustProxy ?? false;
  // Behind a proxy the Host is the public name; the proxy, not this check, decides which it serves.
  const loopbackOnly = isLoopbackHost(bindHost) && !trustProxy;
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Bound to loopback: only this machine's names, so a web page can't reach it through DNS rebinding.
    if (loopbackOnly) {
      const hostHeader = req.headers.host ?? '';
      const name = hostHeader.replace(/:\d+$/, '');
      if (!isLoopbackHost(name) || hostHeader !== `${name}:${port}`) throw new HttpError(403, 'unexpected Host header');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://server.invalid');
    } catch {
      throw new HttpError(400, 'malformed URL');
    }
    const context = requestContext(req, trustProxy);
    const method = req.method ?? 'GET';
    const isGet = method === 'GET' || method === 'HEAD';
    // Other sites' pages may change nothing here, whatever the path.
    if (!isGet) checkSameOrigin(req, context);
    const { pathname } = url;
    if (pathname === '/course' || pathname.startsWith('/course/')) {
      if (!isGet) throw methodNotAllowed(['GET']);
      if (pathname === '/course') {
        res.writeHead(301, { ...COMMON_HEADERS, location: '/course/' }).end();
        return;
      }
      return serveCourseFile(req, res, courseRoot, pathname);
    }
    if (await mode.handle(req, res, { url, method, isGet, context, port })) return;
    throw new HttpError(404, 'not found');
  }

  function answerFor(req: IncomingMessage, res: ServerResponse, error: unknown): (ErrorAnswer & { headers?: Record<string, string> }) | undefined {
    if (error instanceof HttpError) return { status: error.status, message: error.message, headers: error.headers };
    const own = mode.answerFor?.(error);
    if (own) return own;
    if (isClientGone(error, req, res)) return undefined;
    // Unexpected: the admin gets one line (the message, never a stack), the client no detail.
    return { status: 500, message: 'internal error', log: errorMessage(error) };
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const answer = answerFor(req, res, error);
    if (answer?.log !== undefined) log(`${mode.name}: ${oneLine(req.method)} ${oneLine(req.url)}: ${oneLine(answer.log)}`);
    if (!answer || res.headersSent) {
      res.destroy();
      return;
    }
    const { status, message } = answer;
    // Past the size limit the rest of the body is not read: close the connection after answering.
    const headers: Record<string, string> = { ...answer.headers, ...(status === 413 ? { connection: 'close' } : {}) };
    const path = req.url ?? '';
    // scorm-again reads `result` and `errorCode` from an answer; 101 is "general exception".
    if (mode.apiPrefixes.some((prefix) => path.startsWith(prefix))) return sendJson(res, status, { result: false, errorCode: 101, error: message }, headers);
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><main><h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the start</a></p></main></body></html>`;
    sendPage(res, status, page, FORM_POLICY, headers);
  }

  let server: Server;
  try {
    server = guardedServer(handle, fail, options.tls);
  } catch (error) {
    // A certificate or key TLS can't use: no server, and nothing the mode runs on left running.
    await mode.close?.();
    throw error;
  }
  // Idle keep-alive connections stay open longer than a reverse proxy's (Caddy keeps its own for
  // 2 minutes): were this server to close one first, a request sent on it at that moment fails.
  server.keepAliveTimeout = 125_000;
  server.headersTimeout = 126_000;

  return new Promise((resolveHost, reject) => {
    server.once('error', (error) => {
      void mode.close?.();
      reject(error);
    });
    server.listen(options.port, bindHost, () => {
      server.removeAllListeners('error');
      server.on('error', (error) => log(`${mode.name}: ${oneLine(error.message)}`));
      port = (server.address() as AddressInfo).port;
      mode.listening?.(port);
      const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
      resolveHost({
        url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/`,
        port,
        host: bindHost,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          await mode.close?.();
        },
      });
    });
  });
}
