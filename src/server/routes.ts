// The self-hosted course server (see serve.ts for the command):
//   GET  /                 the learner's sign-in form; POST / signs in (name, work email, team)
//   GET  /l/<token>        a learner's personal link: signs in as that learner
//   GET  /learn            the course page: scorm-again (SCORM 2004) seeded from the learner's record, the course in an iframe
//   GET  /learn.js         that page's script (learner-host.ts, bundled at start)
//   POST /api/commit       scorm-again's commits, JSON whatever the Content-Type (sendBeacon's is text/plain)
//   POST /logout           ends the learner's session
//   GET  /course/…         the built course
//   GET  /manager          the passcode form; POST /manager checks it (slowed down per client)
//   GET  /manager/report   the report page; GET /manager/report.csv the CSV; POST /manager/logout
// A learner's session (an HttpOnly, SameSite=Strict cookie holding a random token kept in memory)
// names the learner and the attempt: no learner or attempt id is ever taken from the client.
// A bad request gets a 4xx and changes nothing; no request can stop the server.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { confinedPath } from '../../scorm/preview/server.ts';
import { isoDate } from '../report/format.ts';
import {
  clearedCookie,
  COMMON_HEADERS,
  escapeHtml,
  guardedServer,
  HttpError,
  methodNotAllowed,
  parseCookies,
  readBody,
  redirect,
  send,
  sendJson,
  sessionCookie,
} from './http.ts';
import { learnerSeed } from './learner-seed.ts';
import { buildServerReport, serverReportCsv, serverReportHtml, type CourseForReport } from './manager-report.ts';
import { FORM_PAGE_POLICY, LEARN_PAGE_POLICY, renderLearn, renderManagerLogin, renderSignIn, type SignInErrors, type SignInValues } from './pages.ts';
import { PasscodeLimiter, verifyPasscode, type LimiterOptions } from './passcode.ts';
import { isPlainObject } from './record-input.ts';
import { RecordInputError, RecordsDbError, type Learner, type RecordsDb } from './records-db.ts';

export const LEARNER_COOKIE = 'course_session';
export const MANAGER_COOKIE = 'course_manager';
const LEARNER_SESSION_MS = 12 * 60 * 60_000;
const MANAGER_SESSION_MS = 8 * 60 * 60_000;
const MAX_SESSIONS = 100_000;
const LINK_SETTING = 'learner_link:';
const LINK_OF_SETTING = 'learner_link_of:';

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

const REPORT_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
  /** Where unexpected errors are logged (stderr by default). */
  log?: (line: string) => void;
}

export interface CourseServer {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

interface LearnerSession {
  learnerId: string;
  attemptId: number;
  expiresAt: number;
}

const newToken = () => randomBytes(24).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;

/** A map of sessions that forgets expired ones and never grows past MAX_SESSIONS. */
class Sessions<T extends { expiresAt: number }> {
  private readonly map = new Map<string, T>();
  constructor(private readonly lifetimeMs: number) {}

  create(value: Omit<T, 'expiresAt'>): string {
    const token = newToken();
    const now = Date.now();
    if (this.map.size >= MAX_SESSIONS) {
      for (const [key, s] of this.map) {
        if (this.map.size < MAX_SESSIONS && s.expiresAt > now) break;
        this.map.delete(key);
      }
    }
    this.map.set(token, { ...value, expiresAt: now + this.lifetimeMs } as T);
    return token;
  }

  get(token: string | undefined): T | undefined {
    if (token === undefined || !TOKEN_SHAPE.test(token)) return undefined;
    const session = this.map.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= Date.now()) {
      this.map.delete(token);
      return undefined;
    }
    session.expiresAt = Date.now() + this.lifetimeMs;
    return session;
  }

  delete(token: string | undefined): void {
    if (token !== undefined) this.map.delete(token);
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The learner's personal link token, made on first use and kept in the records' settings. */
export function personalLinkToken(db: RecordsDb, learnerId: string): string {
  return db.transaction(() => {
    const existing = db.setting(LINK_OF_SETTING + learnerId);
    if (existing) return existing;
    const token = newToken();
    db.putSetting(LINK_SETTING + token, learnerId);
    db.putSetting(LINK_OF_SETTING + learnerId, token);
    return token;
  });
}

function learnerOfLink(db: RecordsDb, token: string): Learner | undefined {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const id = db.setting(LINK_SETTING + token);
  return id === undefined ? undefined : db.learnerById(id);
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

export function startCourseServer(options: CourseServerOptions): Promise<CourseServer> {
  const { db } = options;
  const courseRoot = resolve(options.courseDir);
  const courseTitle = options.courseTitle ?? 'Email etiquette';
  const bindHost = options.host ?? '127.0.0.1';
  const loopbackOnly = isLoopbackHost(bindHost);
  const learners = new Sessions<LearnerSession>(LEARNER_SESSION_MS);
  const managers = new Sessions<{ expiresAt: number }>(MANAGER_SESSION_MS);
  const limiter = new PasscodeLimiter(options.limiter);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let port = 0;

  function startLearnerSession(res: ServerResponse, learner: Learner): void {
    let attempt = db.currentAttempt(learner.id, '2004');
    // A course the learner finished (completed, left normally) makes the next launch a new
    // attempt, as an LMS does. It is closed here, not at that commit: later commits of the
    // finishing session (the final one at pagehide) must still be accepted.
    const cmi = db.latestCommit(attempt.id)?.body.cmi;
    if (cmi && cmi['exit'] === 'normal' && cmi['completion_status'] === 'completed') {
      db.finishAttempt(attempt.id);
      attempt = db.currentAttempt(learner.id, '2004');
    }
    const token = learners.create({ learnerId: learner.id, attemptId: attempt.id });
    redirect(res, '/learn', { 'set-cookie': sessionCookie(LEARNER_COOKIE, token, { maxAgeSeconds: LEARNER_SESSION_MS / 1000 }) });
  }

  function signInPage(res: ServerResponse, status: number, values: SignInValues = {}, errors: SignInErrors = {}, signedInAs?: string): void {
    send(res, status, renderSignIn(courseTitle, values, errors, signedInAs), 'text/html; charset=utf-8', { 'content-security-policy': FORM_PAGE_POLICY });
  }

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const values: SignInValues = { name: (form.get('name') ?? '').trim(), email: (form.get('email') ?? '').trim(), team: (form.get('team') ?? '').trim() };
    const errors: SignInErrors = {};
    if (!values.name) errors.name = 'Enter your name.';
    if (!values.email) errors.email = 'Enter your work email, like ana.lopez@example.com.';
    if (errors.name || errors.email) {
      signInPage(res, 400, values, errors);
      return;
    }
    let learner: Learner;
    try {
      learner = db.upsertLearner({ name: values.name ?? '', email: values.email ?? '', team: values.team ? values.team : undefined });
    } catch (error) {
      if (!(error instanceof RecordInputError)) throw error;
      const key = error.problem === 'invalid-email' ? 'email' : error.problem === 'invalid-team' ? 'team' : 'name';
      errors[key] = key === 'email' ? 'This is not an email address we can use, like ana.lopez@example.com.' : error.message;
      signInPage(res, 400, values, errors);
      return;
    }
    startLearnerSession(res, learner);
  }

  function signedInLearner(cookies: Map<string, string>): Learner | undefined {
    const session = learners.get(cookies.get(LEARNER_COOKIE));
    return (session && db.learnerById(session.learnerId)) || undefined;
  }

  function learnPage(req: IncomingMessage, res: ServerResponse, cookies: Map<string, string>): void {
    const session = learners.get(cookies.get(LEARNER_COOKIE));
    const learner = session && db.learnerById(session.learnerId);
    if (!session || !learner) {
      redirect(res, '/');
      return;
    }
    const saved = db.latestCommit(session.attemptId);
    const seed = learnerSeed(saved?.body.cmi, learner, options.passScore);
    const link = `http://${req.headers.host ?? `127.0.0.1:${port}`}/l/${personalLinkToken(db, learner.id)}`;
    const html = renderLearn({
      courseTitle,
      learnerName: learner.name,
      personalLink: link,
      scriptUrl: '/learn.js',
      config: { courseUrl: '/course/', commitUrl: '/api/commit', cmi: seed.cmi },
      resumed: seed.entry === 'resume',
    });
    send(res, 200, html, 'text/html; charset=utf-8', { 'content-security-policy': LEARN_PAGE_POLICY });
  }

  async function commit(req: IncomingMessage, res: ServerResponse, cookies: Map<string, string>): Promise<void> {
    const session = learners.get(cookies.get(LEARNER_COOKIE));
    if (!session) throw new HttpError(401, 'no learner session: sign in again');
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'the body is not JSON');
    }
    if (isPlainObject(body) && isPlainObject(body['cmi'])) {
      // Whose record it is comes from the session, whatever the body says.
      const learner = db.learnerById(session.learnerId);
      if (!learner) throw new HttpError(401, 'unknown learner: sign in again');
      body = { ...body, cmi: { ...body['cmi'], learner_id: learner.id, learner_name: learner.name } };
    }
    const saved = db.saveCommit(session.attemptId, body);
    sendJson(res, 200, { result: true, errorCode: 0, sequence: saved.sequence });
  }

  function managerSession(cookies: Map<string, string>): boolean {
    return managers.get(cookies.get(MANAGER_COOKIE)) !== undefined;
  }

  function managerPage(res: ServerResponse, status: number, error?: string, headers: Record<string, string> = {}): void {
    send(res, status, renderManagerLogin(courseTitle, error), 'text/html; charset=utf-8', { 'content-security-policy': FORM_PAGE_POLICY, ...headers });
  }

  async function managerSignIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req, 8 * 1024));
    const client = req.socket.remoteAddress ?? 'unknown';
    const answer = limiter.attempt(client);
    if (!answer.allowed) {
      const seconds = Math.max(1, Math.ceil(answer.retryAfterMs / 1000));
      managerPage(res, 429, `Too many tries. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`, { 'retry-after': String(seconds) });
      return;
    }
    if (!(await verifyPasscode(db, form.get('passcode') ?? ''))) {
      const seconds = Math.max(1, Math.ceil(limiter.waitMs(client) / 1000));
      managerPage(res, 401, `That passcode is not right. You can try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
      return;
    }
    limiter.succeeded(client);
    const token = managers.create({});
    redirect(res, '/manager/report', { 'set-cookie': sessionCookie(MANAGER_COOKIE, token, { maxAgeSeconds: MANAGER_SESSION_MS / 1000 }) });
  }

  function requireManager(cookies: Map<string, string>): void {
    if (!managerSession(cookies)) throw new HttpError(401, 'the manager pages need the passcode: sign in at /manager');
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
    res.writeHead(200, { ...COMMON_HEADERS, 'cache-control': 'no-cache', 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': String(info.size) });
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
    const method = req.method ?? 'GET';
    const { pathname } = url;
    const isGet = method === 'GET' || method === 'HEAD';
    if (method === 'POST') {
      // Other sites' pages may not post here (the cookies are SameSite=Strict too).
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== 'null' && origin !== `http://${hostHeader}` && origin !== `https://${hostHeader}`) throw new HttpError(403, 'cross-origin request');
      if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'cross-site request');
    }
    const cookies = parseCookies(req.headers.cookie);

    if (pathname === '/') {
      if (isGet) return signInPage(res, 200, {}, {}, signedInLearner(cookies)?.name);
      if (method === 'POST') return signIn(req, res);
      throw methodNotAllowed(['GET', 'POST']);
    }
    if (pathname.startsWith('/l/')) {
      if (!isGet) throw methodNotAllowed(['GET']);
      const learner = learnerOfLink(db, pathname.slice(3));
      if (!learner) throw new HttpError(404, 'this personal link is not known here: sign in with your name and email instead');
      return startLearnerSession(res, learner);
    }
    if (pathname === '/learn') {
      if (!isGet) throw methodNotAllowed(['GET']);
      return learnPage(req, res, cookies);
    }
    if (pathname === '/learn.js') {
      if (!isGet) throw methodNotAllowed(['GET']);
      return send(res, 200, options.hostScript, 'text/javascript; charset=utf-8');
    }
    if (pathname === '/api/commit') {
      if (method !== 'POST') throw methodNotAllowed(['POST']);
      return commit(req, res, cookies);
    }
    if (pathname === '/logout') {
      if (method !== 'POST') throw methodNotAllowed(['POST']);
      learners.delete(cookies.get(LEARNER_COOKIE));
      return redirect(res, '/', { 'set-cookie': clearedCookie(LEARNER_COOKIE) });
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
      if (isGet) return managerSession(cookies) ? redirect(res, '/manager/report') : managerPage(res, 200);
      if (method === 'POST') return managerSignIn(req, res);
      throw methodNotAllowed(['GET', 'POST']);
    }
    if (pathname === '/manager/report') {
      if (!isGet) throw methodNotAllowed(['GET']);
      requireManager(cookies);
      const page = serverReportHtml(buildServerReport(db, options.reportCourse));
      return send(res, 200, page, 'text/html; charset=utf-8', { 'content-security-policy': REPORT_PAGE_POLICY });
    }
    if (pathname === '/manager/report.csv') {
      if (!isGet) throw methodNotAllowed(['GET']);
      requireManager(cookies);
      const csv = serverReportCsv(buildServerReport(db, options.reportCourse));
      return send(res, 200, csv, 'text/csv; charset=utf-8', { 'content-disposition': `attachment; filename="course-report-${isoDate(Date.now())}.csv"` });
    }
    if (pathname === '/manager/logout') {
      if (method !== 'POST') throw methodNotAllowed(['POST']);
      managers.delete(cookies.get(MANAGER_COOKIE));
      return redirect(res, '/manager', { 'set-cookie': clearedCookie(MANAGER_COOKIE) });
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
      log(`course server: ${req.method ?? ''} ${req.url ?? ''}: ${error.message}`);
    } else {
      log(`course server: ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // Past the size limit the rest of the body is not read: close the connection after answering.
    if (status === 413) headers = { ...headers, connection: 'close' };
    if (req.url?.startsWith('/api/')) sendJson(res, status, { result: false, errorCode: 101, error: message }, headers);
    else send(res, status, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status}</title></head><body><main><h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the start</a></p></main></body></html>`, 'text/html; charset=utf-8', { ...headers, 'content-security-policy': FORM_PAGE_POLICY });
  }

  const server: Server = guardedServer(handle, fail);

  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      server.on('error', (error) => log(`course server: ${error.message}`));
      port = (server.address() as AddressInfo).port;
      const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
      resolveServer({
        url: `http://${shownHost}:${port}/`,
        port,
        host: bindHost,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
