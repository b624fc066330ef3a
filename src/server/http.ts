// Small HTTP helpers for the self-hosted course server: errors as values with a status, answers
// with safe default headers, bounded request bodies, and cookies.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { TurnTaker } from './turns.ts';

/** Request bodies past this are refused with 413 (the records store's own limit on a commit too). */
export const MAX_BODY_BYTES = 1024 * 1024;

// same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with its own
// form posts, which the origin check must refuse; nothing still leaks to other sites.
export const COMMON_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' } as const;

/** A refusal: its status and message are what the client gets (JSON under /api/, text or a page elsewhere). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const methodNotAllowed = (allowed: readonly string[]) => new HttpError(405, `use ${allowed.join(' or ')}`, { allow: allowed.join(', ') });

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { ...COMMON_HEADERS, location, 'content-length': '0', ...headers });
  res.end();
}

/** The request body as UTF-8 text; 413 past `limit` bytes, 400 when it isn't UTF-8. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const tooLarge = () => new HttpError(413, `the body is over ${limit} bytes`);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => reject(error));
    req.on('aborted', () => reject(new HttpError(400, 'the request was aborted')));
    req.on('end', () => {
      if (refused) return;
      try {
        resolveBody(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'the body is not UTF-8 text'));
      }
    });
  });
}

/** The request's cookies by name (the first of a repeated name wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** A session cookie the page's scripts can't read and other sites' pages can't send. */
export function sessionCookie(name: string, value: string, options: { maxAgeSeconds?: number; secure?: boolean } = {}): string {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedCookie(name: string, options: { secure?: boolean } = {}): string {
  return `${name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${options.secure ? '; Secure' : ''}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that can sit inside a <script> element: no `</script>` or `<!--` can form. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A browser script (a host page's: scorm-again and its glue) bundled in memory with esbuild. */
export async function bundleBrowserScript(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

/** A certificate chain and its private key, PEM. */
export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

/**
 * An HTTP server that never crashes on a request: a handler's rejection goes to `fail` (and if
 * even that throws, the connection is dropped), stream errors are swallowed, and malformed
 * requests get a bare 400. Requests take turns (turns.ts), so a burst can't hold the event loop.
 */
export function guardedServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  fail: (req: IncomingMessage, res: ServerResponse, error: unknown) => void,
  tls?: TlsFiles,
): Server {
  const turns = new TurnTaker();
  const listener: RequestListener = (req, res) => {
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    turns.run(() => {
      // A client that left while its request waited: nothing to answer.
      if (req.destroyed) return;
      handle(req, res).catch((error: unknown) => {
        try {
          fail(req, res, error);
        } catch {
          res.destroy();
        }
      });
    });
  };
  // An https.Server is an http.Server with TLS in front: the same handlers serve both.
  const server: Server = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, listener) : createServer(listener);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
