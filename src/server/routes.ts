// The self-hosted course server (see serve.ts for the command):
//   GET  /                 the sign-up form; POST / creates a new learner and shows their personal link once
//   GET  /l/<token>        a learner's personal link: a page with one button; POST /l/<token> signs in
//   GET  /learn            the course page: scorm-again (SCORM 2004) seeded from the learner's record, the course in an iframe
//   GET  /learn.js         that page's script (learner-host.ts, bundled at start)
//   POST /api/commit       scorm-again's commits, JSON whatever the Content-Type (sendBeacon's is text/plain)
//   POST /logout           ends the learner's session
//   GET  /course/…         the built course
//   GET  /manager          the passcode form; POST /manager checks it (rate limited per client and in all)
//   GET  /manager/report   the report page; GET /manager/report.csv the CSV; POST /manager/logout
//   GET  /manager/learners every learner's personal link; POST revokes or reissues one
// Sessions (sessions.ts) live in the records database and name the learner and the attempt: no
// learner or attempt id is ever taken from the client. Every state change must come from this
// server's own origin and carry its session's (or, before sign-in, its form's) token.
// A bad request gets a 4xx and changes nothing; no request can stop the server.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { confinedPath } from '../../scorm/preview/server.ts';
import { isoDate } from '../report/format.ts';
import { COURSE_POLICY, FORM_POLICY, LEARN_POLICY, MANAGER_POLICY, policyFor, type PagePolicy } from './csp.ts';
import { clearedCookie, COMMON_HEADERS, escapeHtml, guardedServer, HttpError, methodNotAllowed, readBody, redirect, send, sendJson, sessionCookie, type TlsFiles } from './http.ts';
import { learnerOfLink, linkTokens, type SignInPolicy } from './identity.ts';
import { learnerSeed } from './learner-seed.ts';
import { buildServerReport, serverReportCsv, serverReportHtml, type CourseForReport } from './manager-report.ts';
import {
  LEARNER_LINKS_SCRIPT,
  renderAlreadyRegistered,
  renderLearn,
  renderLearnerLinks,
  renderLinkLanding,
  renderManagerLogin,
  renderSignIn,
  renderSignUpClosed,
  renderWelcome,
  type SignInErrors,
  type SignInValues,
} from './pages.ts';
import { PasscodeLimiter, verifyPasscode, type LimiterOptions } from './passcode.ts';
import { Gate, WindowLimiter, type WindowLimit } from './rate-limit.ts';
import { RecordInputError, RecordsDbError, type RecordsDb } from './records-db.ts';
import { checkSameOrigin, cookieNames, requestContext, requireToken, singleCookie, type CookieNames, type RequestContext } from './request-guard.ts';
import { startRecordWriter, type WriterMode, type WriteStats } from './record-writer.ts';
import { LEARNER_SESSION_MS, MANAGER_SESSION_MS, newToken, SessionStore, TOKEN_SHAPE } from './sessions.ts';

const FORM_TOKEN_SECONDS = 2 * 60 * 60;
/** How long a session read from the records is remembered (each change also forgets it at once). */
const SESSION_CACHE_MS = 30_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface RateLimits {
  /** New learners per client address, and in all (each sign-up writes a learner). */
  signUpPerClient: WindowLimit;
  signUpGlobal: WindowLimit;
  /** Passcode tries in all, whatever the address (the per-address limiter is `limiter`). */
  passcodeGlobal: WindowLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signUpPerClient: { max: 20, windowMs: 10 * 60_000 },
  signUpGlobal: { max: 600, windowMs: 10 * 60_000 },
  passcodeGlobal: { max: 30, windowMs: 60_000 },
};

export interface CourseServerOptions {
  db: RecordsDb;
  /** The built course (index.html and its assets). */
  courseDir: string;
  /** The course page's script (learner-host.ts bundled). */
  hostScript: string;
  /** The course outline and check names for the report. */
  reportCourse: CourseForReport;
  courseTitle?: string | undefined;
  passScore?: number | undefined;
  /** 127.0.0.1 by default; 0.0.0.0 serves the network. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  limiter?: LimiterOptions;
  rateLimits?: Partial<RateLimits>;
  /** Open sign-up (the default), invitation only, or only some email domains. */
  signIn?: Partial<SignInPolicy>;
  /** Serve HTTPS with this certificate and key. */
  tls?: TlsFiles | undefined;
  /** Believe X-Forwarded-For/-Proto from the reverse proxy in front (only when one is). */
  trustProxy?: boolean;
  /** Where the serving writes run: a writer thread (the default) or the main thread. */
  writer?: WriterMode;
  /** Where unexpected errors are logged (stderr by default). */
  log?: (line: string) => void;
}

export interface CourseServer {
  url: string;
  port: number;
  host: string;
  /** The cookie names a browser gets from this server (they depend on the scheme and port). */
  cookies: CookieNames;
  /** How writes (commits, sign-ups) were grouped into transactions. */
  writeStats(): Promise<WriteStats>;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function statusOfInputError(error: RecordInputError): number {
  switch (error.problem) {
    case 'too-large':
      return 413;
    case 'unknown-learner':
    case 'unknown-attempt':
      return 404;
    case 'attempt-finished':
      return 409;
    default:
      return 400;
  }
}

/** Errors of a client that went away mid-answer: nothing to log. */
function isClientGone(error: unknown, req: IncomingMessage, res: ServerResponse): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE' || req.destroyed || res.destroyed;
}

export async function startCourseServer(options: CourseServerOptions): Promise<CourseServer> {
  const { db } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const writer = await startRecordWriter(db, options.writer);
  // A write the answer doesn't wait for (renewing a session): a failure is logged, not thrown.
  const background = (work: Promise<unknown>) => void work.catch((error: unknown) => log(`course server: ${error instanceof Error ? error.message : String(error)}`));
  const courseRoot = resolve(options.courseDir);
  const courseTitle = options.courseTitle ?? 'Email etiquette';
  const bindHost = options.host ?? '127.0.0.1';
  const trustProxy = options.trustProxy ?? false;
  // Behind a proxy the Host is the public name; the proxy, not this check, decides which it serves.
  const loopbackOnly = isLoopbackHost(bindHost) && !trustProxy;
  const sessions = new SessionStore(db, {
    renew: (hash, expiresAt) => background(writer.call('renewSession', hash, expiresAt)),
    expire: (hash) => background(writer.call('deleteSessionHash', hash)),
    // Every change to a session is made through this server, which tells the store.
    cacheMs: SESSION_CACHE_MS,
  });
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const signUps = new WindowLimiter(limits.signUpPerClient, limits.signUpGlobal);
  const passcodeTries = new PasscodeLimiter(options.limiter);
  const passcodeAll = new WindowLimiter({ max: Number.MAX_SAFE_INTEGER, windowMs: limits.passcodeGlobal.windowMs }, limits.passcodeGlobal);
  // One scrypt at a time (a few more may wait): the thread pool stays free for the course's files.
  const hashing = new Gate(1, 4);
  const policy: SignInPolicy = { inviteOnly: options.signIn?.inviteOnly ?? false, allowedDomains: options.signIn?.allowedDomains ?? [] };
  let port = 0;

  const html = (res: ServerResponse, status: number, page: string, pagePolicy: PagePolicy, headers: Record<string, string | string[]> = {}) =>
    send(res, status, page, 'text/html; charset=utf-8', { 'content-security-policy': policyFor(page, pagePolicy), ...headers });

  /** The pre-sign-in form token: the cookie's (when sound) or a new one, set on this answer. */
  function formToken(req: IncomingMessage, ctx: RequestContext, names: CookieNames): { token: string; headers: Record<string, string> } {
    const existing = singleCookie(req.headers.cookie, names.form);
    if (existing && TOKEN_SHAPE.test(existing)) return { token: existing, headers: {} };
    const token = newToken();
    return { token, headers: { 'set-cookie': sessionCookie(names.form, token, { maxAgeSeconds: FORM_TOKEN_SECONDS, secure: ctx.secure }) } };
  }

  function learnerSession(req: IncomingMessage, names: CookieNames) {
    const session = sessions.get(singleCookie(req.headers.cookie, names.learner), 'learner', LEARNER_SESSION_MS);
    const learner = session?.learnerId ? db.learnerById(session.learnerId) : undefined;
    return session && learner && session.attemptId !== null ? { session, learner, attemptId: session.attemptId } : undefined;
  }

  function managerSession(req: IncomingMessage, names: CookieNames) {
    return sessions.get(singleCookie(req.headers.cookie, names.manager), 'manager', MANAGER_SESSION_MS);
  }

  const learnerCookie = (token: string, ctx: RequestContext, names: CookieNames) => sessionCookie(names.learner, token, { maxAgeSeconds: LEARNER_SESSION_MS / 1000, secure: ctx.secure });

  function signInPage(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, names: CookieNames, status: number, values: SignInValues = {}, errors: SignInErrors = {}): void {
    const form = formToken(req, ctx, names);
    // A browser already signed in (perhaps someone else's, on a shared computer) is offered the
    // course or signing out, not sent on.
    const signedIn = learnerSession(req, names);
    const current = signedIn ? { name: signedIn.learner.name, csrf: signedIn.session.csrf } : undefined;
    html(res, status, renderSignIn(courseTitle, form.token, values, errors, current), FORM_POLICY, form.headers);
  }

  async function signIn(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, names: CookieNames): Promise<void> {
    const form = new URLSearchParams(await readBody(req, 16 * 1024));
    requireToken(form.get('csrf'), singleCookie(req.headers.cookie, names.form));
    const values: SignInValues = { name: (form.get('name') ?? '').trim(), email: (form.get('email') ?? '').trim(), team: (form.get('team') ?? '').trim() };
    const errors: SignInErrors = {};
    if (!values.name) errors.name = 'Enter your name.';
    if (!values.email) errors.email = 'Enter your work email, like ana.lopez@example.com.';
    if (errors.name || errors.email) return signInPage(req, res, ctx, names, 400, values, errors);
    const allowed = signUps.take(ctx.client);
    if (!allowed.allowed) {
      const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
      return html(res, 429, renderSignUpClosed(courseTitle, `Too many sign-ups just now. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`), FORM_POLICY, { 'retry-after': String(seconds) });
    }
    let outcome;
    try {
      outcome = await writer.call('signUp', { name: values.name ?? '', email: values.email ?? '', team: values.team ? values.team : undefined }, policy, LEARNER_SESSION_MS);
    } catch (error) {
      if (!(error instanceof RecordInputError)) throw error;
      const key = error.problem === 'invalid-email' ? 'email' : error.problem === 'invalid-team' ? 'team' : 'name';
      errors[key] = key === 'email' ? 'This is not an email address we can use, like ana.lopez@example.com.' : error.message;
      return signInPage(req, res, ctx, names, 400, values, errors);
    }
    switch (outcome.kind) {
      case 'closed':
        return html(res, 403, renderSignUpClosed(courseTitle, 'Sign-up is by invitation here: open the personal link your manager sent you, or ask them for one.'), FORM_POLICY);
      case 'domain-refused':
        errors.email = `Use your work email (at ${policy.allowedDomains.join(' or ')}).`;
        return signInPage(req, res, ctx, names, 400, values, errors);
      case 'exists':
        return html(res, 409, renderAlreadyRegistered(courseTitle), FORM_POLICY);
      case 'created':
        return html(res, 200, renderWelcome(courseTitle, outcome.learner.name, `${ctx.origin}/l/${outcome.link}`), FORM_POLICY, { 'set-cookie': learnerCookie(outcome.token, ctx, names) });
    }
  }

  function learnPage(req: IncomingMessage, res: ServerResponse, names: CookieNames): void {
    const signedIn = learnerSession(req, names);
    if (!signedIn) return redirect(res, '/');
    const saved = db.latestCommit(signedIn.attemptId);
    const seed = learnerSeed(saved?.body.cmi, signedIn.learner, options.passScore);
    const page = renderLearn({
      courseTitle,
      learnerName: signedIn.learner.name,
      csrf: signedIn.session.csrf,
      scriptUrl: '/learn.js',
      // The token rides in the URL: sendBeacon (the final commit) can't add a header.
      config: { courseUrl: '/course/', commitUrl: `/api/commit?csrf=${signedIn.session.csrf}`, cmi: seed.cmi },
      resumed: seed.entry === 'resume',
    });
    html(res, 200, page, LEARN_POLICY);
  }

  async function commit(req: IncomingMessage, res: ServerResponse, url: URL, names: CookieNames): Promise<void> {
    const signedIn = learnerSession(req, names);
    if (!signedIn) throw new HttpError(401, 'no learner session: sign in again');
    requireToken(url.searchParams.get('csrf'), signedIn.session.csrf);
    // Whose record it is comes from the session, whatever the body says (the writer sees to it).
    const sequence = await writer.call('saveCommit', signedIn.attemptId, await readBody(req), { id: signedIn.learner.id, name: signedIn.learner.name });
    sendJson(res, 200, { result: true, errorCode: 0, sequence });
  }

  function managerPage(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, names: CookieNames, status: number, error?: string, headers: Record<string, string> = {}): void {
    const form = formToken(req, ctx, names);
    html(res, status, renderManagerLogin(courseTitle, form.token, error), FORM_POLICY, { ...form.headers, ...headers });
  }

  function tooMany(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, names: CookieNames, retryAfterMs: number): void {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    managerPage(req, res, ctx, names, 429, `Too many tries. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`, { 'retry-after': String(seconds) });
  }

  async function managerSignIn(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, names: CookieNames): Promise<void> {
    const form = new URLSearchParams(await readBody(req, 8 * 1024));
    requireToken(form.get('csrf'), singleCookie(req.headers.cookie, names.form));
    const own = passcodeTries.attempt(ctx.client);
    if (!own.allowed) return tooMany(req, res, ctx, names, own.retryAfterMs);
    const all = passcodeAll.take('*');
    if (!all.allowed) return tooMany(req, res, ctx, names, all.retryAfterMs);
    const right = await hashing.run(() => verifyPasscode(db, form.get('passcode') ?? ''));
    if (right === undefined) return tooMany(req, res, ctx, names, 1000);
    if (!right) {
      const seconds = Math.max(1, Math.ceil(passcodeTries.waitMs(ctx.client) / 1000));
      return managerPage(req, res, ctx, names, 401, `That passcode is not right. You can try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
    }
    passcodeTries.succeeded(ctx.client);
    const token = await writer.call('startManagerSession', MANAGER_SESSION_MS);
    redirect(res, '/manager/report', { 'set-cookie': sessionCookie(names.manager, token, { maxAgeSeconds: MANAGER_SESSION_MS / 1000, secure: ctx.secure }) });
  }

  function requireManager(req: IncomingMessage, names: CookieNames) {
    const session = managerSession(req, names);
    if (!session) throw new HttpError(401, 'the manager pages need the passcode: sign in at /manager');
    return session;
  }

  function learnersPage(res: ServerResponse, ctx: RequestContext, csrf: string, notice?: string): void {
    const tokens = linkTokens(db);
    const rows = db.listLearners().map((l) => {
      const token = tokens.get(l.id);
      return { id: l.id, name: l.name, email: l.email, team: l.team, link: token ? `${ctx.origin}/l/${token}` : undefined };
    });
    html(res, 200, renderLearnerLinks(courseTitle, rows, csrf, notice), MANAGER_POLICY);
  }

  async function changeLink(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, csrf: string): Promise<void> {
    const form = new URLSearchParams(await readBody(req, 8 * 1024));
    requireToken(form.get('csrf'), csrf);
    const action = form.get('action');
    if (action !== 'revoke' && action !== 'reissue') throw new HttpError(400, 'the action must be revoke or reissue');
    const learner = db.learnerById(form.get('learner') ?? '');
    if (!learner) throw new HttpError(404, 'there is no such learner');
    await writer.call('revokeLink', learner.id, action === 'reissue');
    sessions.forgetLearner(learner.id);
    learnersPage(res, ctx, csrf, action === 'revoke' ? `${learner.name}’s link no longer works, and they are signed out.` : `${learner.name} has a new link; the old one no longer works.`);
  }

  async function serveCourseFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname.slice('/course'.length));
    } catch {
      throw new HttpError(400, 'malformed path');
    }
    let file = confinedPath(courseRoot, decoded);
    if (!file) throw new HttpError(403, 'outside the course');
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) throw new HttpError(404, 'not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (extname(file) === '.html') {
      // Pages are small: read whole, so their inline blocks can be allowed by hash.
      const page = await readFile(file, 'utf8');
      return send(res, 200, page, type, { 'cache-control': 'no-cache', 'content-security-policy': policyFor(page, COURSE_POLICY) });
    }
    res.writeHead(200, { ...COMMON_HEADERS, 'cache-control': 'no-cache', 'content-type': type, 'content-length': String(info.size), 'content-security-policy': policyFor('', COURSE_POLICY) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(file), res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host ?? '';
    // Bound to loopback: only this machine's names, so a web page can't reach it through DNS rebinding.
    if (loopbackOnly) {
      const name = hostHeader.replace(/:\d+$/, '');
      if (!isLoopbackHost(name) || hostHeader !== `${name}:${port}`) throw new HttpError(403, 'unexpected Host header');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://server.invalid');
    } catch {
      throw new HttpError(400, 'malformed URL');
    }
    const ctx = requestContext(req, trustProxy);
    const names = cookieNames(ctx.secure, port);
    const method = req.method ?? 'GET';
    const { pathname } = url;
    const isGet = method === 'GET' || method === 'HEAD';
    if (!isGet) checkSameOrigin(req, ctx);

    if (pathname === '/') {
      if (isGet) return signInPage(req, res, ctx, names, 200);
      if (method === 'POST') return signIn(req, res, ctx, names);
      throw methodNotAllowed(['GET', 'POST']);
    }
    if (pathname.startsWith('/l/')) {
      const token = pathname.slice(3);
      const learner = learnerOfLink(db, token);
      if (!learner) throw new HttpError(404, 'this personal link is not known here (it may have been replaced): ask your manager for a new one');
      if (isGet) {
        const form = formToken(req, ctx, names);
        return html(res, 200, renderLinkLanding(courseTitle, learner.name, form.token, `/l/${token}`), FORM_POLICY, form.headers);
      }
      if (method !== 'POST') throw methodNotAllowed(['GET', 'POST']);
      const form = new URLSearchParams(await readBody(req, 8 * 1024));
      requireToken(form.get('csrf'), singleCookie(req.headers.cookie, names.form));
      return redirect(res, '/learn', { 'set-cookie': learnerCookie(await writer.call('startLearnerSession', learner.id, LEARNER_SESSION_MS), ctx, names) });
    }
    if (pathname === '/learn') {
      if (!isGet) throw methodNotAllowed(['GET']);
      return learnPage(req, res, names);
    }
    if (pathname === '/learn.js') {
      if (!isGet) throw methodNotAllowed(['GET']);
      return send(res, 200, options.hostScript, 'text/javascript; charset=utf-8');
    }
    if (pathname === '/api/commit') {
      if (method !== 'POST') throw methodNotAllowed(['POST']);
      return commit(req, res, url, names);
    }
    if (pathname === '/logout') {
      if (method !== 'POST') throw methodNotAllowed(['POST']);
      const signedIn = learnerSession(req, names);
      if (signedIn) {
        requireToken(new URLSearchParams(await readBody(req, 8 * 1024)).get('csrf'), signedIn.session.csrf);
        await writer.call('deleteSessionHash', signedIn.session.tokenHash);
        sessions.forget(signedIn.session.tokenHash);
      }
      // The course's copy of the learner's progress goes too (browsers honour this over HTTPS and on localhost).
      return redirect(res, '/', { 'set-cookie': clearedCookie(names.learner, { secure: ctx.secure }), 'clear-site-data': '"storage"' });
    }
    if (pathname === '/course') {
      if (!isGet) throw methodNotAllowed(['GET']);
      res.writeHead(301, { ...COMMON_HEADERS, location: '/course/' }).end();
      return;
    }
    if (pathname.startsWith('/course/')) {
      if (!isGet) throw methodNotAllowed(['GET']);
      return serveCourseFile(req, res, pathname);
    }
    if (pathname === '/manager') {
      if (isGet) return managerSession(req, names) ? redirect(res, '/manager/report') : managerPage(req, res, ctx, names, 200);
      if (method === 'POST') return managerSignIn(req, res, ctx, names);
      throw methodNotAllowed(['GET', 'POST']);
    }
    if (pathname === '/manager/report') {
      if (!isGet) throw methodNotAllowed(['GET']);
      const session = requireManager(req, names);
      const page = serverReportHtml(buildServerReport(db, options.reportCourse), session.csrf);
      return html(res, 200, page, MANAGER_POLICY);
    }
    if (pathname === '/manager/report.csv') {
      if (!isGet) throw methodNotAllowed(['GET']);
      requireManager(req, names);
      const csv = serverReportCsv(buildServerReport(db, options.reportCourse));
      return send(res, 200, csv, 'text/csv; charset=utf-8', { 'content-disposition': `attachment; filename="course-report-${isoDate(Date.now())}.csv"` });
    }
    if (pathname === '/manager/learners') {
      const session = requireManager(req, names);
      if (isGet) return learnersPage(res, ctx, session.csrf);
      if (method === 'POST') return changeLink(req, res, ctx, session.csrf);
      throw methodNotAllowed(['GET', 'POST']);
    }
    if (pathname === '/manager/learners.js') {
      if (!isGet) throw methodNotAllowed(['GET']);
      requireManager(req, names);
      return send(res, 200, LEARNER_LINKS_SCRIPT, 'text/javascript; charset=utf-8');
    }
    if (pathname === '/manager/logout') {
      if (method !== 'POST') throw methodNotAllowed(['POST']);
      const session = managerSession(req, names);
      if (session) {
        requireToken(new URLSearchParams(await readBody(req, 8 * 1024)).get('csrf'), session.csrf);
        await writer.call('deleteSessionHash', session.tokenHash);
        sessions.forget(session.tokenHash);
      }
      return redirect(res, '/manager', { 'set-cookie': clearedCookie(names.manager, { secure: ctx.secure }) });
    }
    throw new HttpError(404, 'not found');
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    let status = 500;
    let message = 'internal error';
    let headers: Record<string, string> = {};
    if (error instanceof HttpError) {
      ({ status, message, headers } = error);
    } else if (error instanceof RecordInputError) {
      status = statusOfInputError(error);
      message = error.message;
    } else if (error instanceof RecordsDbError) {
      status = 503;
      message = 'the records could not be saved just now; try again';
      log(`course server: ${req.method ?? ''} ${oneLine(req.url)}: ${error.message}`);
    } else if (isClientGone(error, req, res)) {
      res.destroy();
      return;
    } else {
      log(`course server: ${req.method ?? ''} ${oneLine(req.url)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // Past the size limit the rest of the body is not read: close the connection after answering.
    if (status === 413) headers = { ...headers, connection: 'close' };
    if (req.url?.startsWith('/api/')) return sendJson(res, status, { result: false, errorCode: 101, error: message }, headers);
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><main><h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the start</a></p></main></body></html>`;
    html(res, status, page, FORM_POLICY, headers);
  }

  let server: Server;
  try {
    server = guardedServer(handle, fail, options.tls);
  } catch (error) {
    // A certificate or key TLS can't use: no server, and no writer thread left running.
    await writer.close();
    throw error;
  }
  // Idle keep-alive connections stay open longer than a reverse proxy's (Caddy keeps its own for
  // 2 minutes): were this server to close one first, a request sent on it at that moment fails.
  server.keepAliveTimeout = 125_000;
  server.headersTimeout = 126_000;

  return new Promise((resolveServer, reject) => {
    server.once('error', (error) => {
      void writer.close();
      reject(error);
    });
    server.listen(options.port ?? 0, bindHost, () => {
      server.removeAllListeners('error');
      server.on('error', (error) => log(`course server: ${error.message}`));
      port = (server.address() as AddressInfo).port;
      const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
      resolveServer({
        url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/`,
        port,
        host: bindHost,
        cookies: cookieNames(options.tls !== undefined, port),
        writeStats: () => writer.stats(),
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          await writer.close();
        },
      });
    });
  });
}

/** A request line for the log: control characters escaped, so a URL can't forge log lines. */
function oneLine(text: string | undefined): string {
  return (text ?? '').slice(0, 200).replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
