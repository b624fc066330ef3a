// Who is asking and how: the scheme and client address (from a trusted reverse proxy's
// X-Forwarded-* headers with --trust-proxy, else from the socket), cookie names that another
// service on the same host can't plant or shadow, and the checks every state-changing request passes.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { HttpError } from './http.ts';

export interface RequestContext {
  /** HTTPS, directly or at the trusted proxy: cookies get Secure and the __Host- prefix. */
  secure: boolean;
  /** The client's address, for rate limits. */
  client: string;
  /** This server's origin as the browser sees it, e.g. https://course.example.com. */
  origin: string;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * With trustProxy, the proxy in front (Caddy, nginx) is believed: the scheme is its
 * X-Forwarded-Proto and the client the last address it appended to X-Forwarded-For (earlier
 * ones come from the client and can be anything). Without it those headers are ignored.
 */
export function requestContext(req: IncomingMessage, trustProxy: boolean): RequestContext {
  const tls = (req.socket as Partial<TLSSocket>).encrypted === true;
  let secure = tls;
  let client = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy) {
    const proto = firstHeader(req.headers['x-forwarded-proto'])?.split(',')[0]?.trim().toLowerCase();
    if (proto === 'https') secure = true;
    else if (proto === 'http') secure = false;
    const forwarded = firstHeader(req.headers['x-forwarded-for'])
      ?.split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const last = forwarded?.at(-1);
    if (last && last.length <= 64) client = last;
  }
  return { secure, client, origin: `${secure ? 'https' : 'http'}://${req.headers.host ?? ''}` };
}

export interface CookieNames {
  learner: string;
  manager: string;
  /** The pre-session form token (login CSRF). */
  form: string;
}

/**
 * Over HTTPS the __Host- prefix: the browser takes such a cookie only from this very host,
 * Secure, with Path=/, so a service on another port or a subdomain can't set or shadow it.
 * Over plain HTTP cookies aren't port-scoped at all; naming them after the port at least keeps
 * two course servers on one host apart (and a duplicate name is refused, see singleCookie).
 */
export function cookieNames(secure: boolean, port: number): CookieNames {
  return secure ? { learner: '__Host-course_session', manager: '__Host-course_manager', form: '__Host-course_form' } : { learner: `course_session_${port}`, manager: `course_manager_${port}`, form: `course_form_${port}` };
}

/**
 * The value of a cookie sent exactly once. Twice means someone planted a second one (a more
 * specific Path sorts first): neither is trusted.
 */
export function singleCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  let count = 0;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    count += 1;
    found = part.slice(eq + 1).trim();
  }
  return count === 1 ? found : undefined;
}

/**
 * A state-changing request must come from this server's own pages: a foreign Origin and
 * `Origin: null` (sandboxed frames, no-referrer pages) are refused, as is a browser saying the
 * request is cross-site or same-site-but-not-same-origin. A request without either header is
 * not from a browser page; it still needs the session's or form's token.
 */
export function checkSameOrigin(req: IncomingMessage, context: RequestContext): void {
  const origin = firstHeader(req.headers.origin);
  if (origin !== undefined && origin !== context.origin) throw new HttpError(403, origin === 'null' ? 'requests from an opaque origin (Origin: null) are refused' : 'cross-origin request');
  const site = firstHeader(req.headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, `${site} request refused`);
}

/** Compares a token a request carries with the expected one, in constant time. */
export function tokensMatch(given: string | null | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireToken(given: string | null | undefined, expected: string | undefined): void {
  if (!tokensMatch(given, expected)) throw new HttpError(403, 'this form has expired or did not come from this site: reload the page and try again');
}
