// The team server: the host's mode for a team without an LMS (`npm run serve`, src/cli/serve.ts).
// The host (host.ts) checks Host and Origin, serves /course/ and answers errors; these are the mode's routes:
//   GET  /                 the sign-up form; POST / creates a new learner and shows their personal link once
//   GET  /l/<token>        a learner's personal link: a page with one button; POST /l/<token> signs in
//   GET  /learn            the course page: scorm-again (SCORM 2004) seeded from the learner's record, the course in an iframe
//   GET  /learn.js         that page's script (learner-host.ts, bundled at start)
//   POST /api/commit       scorm-again's commits, JSON whatever the Content-Type (sendBeacon's is text/plain)
//   POST /logout           ends the learner's session
//   GET  /manager          the passcode form; POST /manager checks it (rate limited per client and in all)
//   GET  /manager/report   the report page; GET /manager/report.csv the CSV; POST /manager/logout
//   GET  /manager/learners every learner's personal link; POST revokes or reissues one
// Sessions (sessions.ts) live in the records database and name the learner and the attempt: no
// learner or attempt id is ever taken from the client. Every state change must come from this
// server's own origin and carry its session's (or, before sign-in, its form's) token.
// A bad request gets a 4xx and changes nothing; no request can stop the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { isoDate } from '../report/format.ts';
import { COURSE_HOST_POLICY, FORM_POLICY, MANAGER_POLICY } from './csp.ts';
import { startHost, sendPage, type HostMode, type HostRequest } from './host.ts';
import { bundleBrowserScript, clearedCookie, HttpError, methodNotAllowed, readBody, redirect, send, sendJson, sessionCookie, type TlsFiles } from './http.ts';
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
import { cookieNames, requireToken, singleCookie, type CookieNames, type RequestContext } from './request-guard.ts';
import { startRecordWriter, type WriterMode, type WriteStats } from './record-writer.ts';
import { LEARNER_SESSION_MS, MANAGER_SESSION_MS, newToken, SessionStore, TOKEN_SHAPE } from './sessions.ts';

const FORM_TOKEN_SECONDS = 2 * 60 * 60;
/** How long a session read from the records is remembered (each change also forgets it at once). */
const SESSION_CACHE_MS = 30_000;

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

/** The course page's script: learner-host.ts and scorm-again, bundled in memory. */
export function bundleLearnerScript(): Promise<string> {
  return bundleBrowserScript(fileURLToPath(new URL('./learner-host.ts', import.meta.url)));
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

/** The team server as a mode of the host: its routes over the records, on a writer thread of its own. */
export async function teamMode(options: Omit<CourseServerOptions, 'courseDir' | 'host' | 'port' | 'tls'>): Promise<HostMode & { writeStats(): Promise<WriteStats> }> {
  const { db } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const writer = await startRecordWriter(db, options.writer);
  // A write the answer doesn't wait for (renewing a session): a failure is logged, not thrown.
  const background = (work: Promise<unknown>) => void work.catch((error: unknown) => log(`course server: ${error instanceof Error ? error.message : String(error)}`));
  const courseTitle = options.courseTitle ?? 'Email etiquette';
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
    sendPage(res, status, renderSignIn(courseTitle, form.token, values, errors, current), FORM_POLICY, form.headers);
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
      return sendPage(res, 429, renderSignUpClosed(courseTitle, `Too many sign-ups just now. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`), FORM_POLICY, { 'retry-after': String(seconds) });
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
        return sendPage(res, 403, renderSignUpClosed(courseTitle, 'Sign-up is by invitation here: open the personal link your manager sent you, or ask them for one.'), FORM_POLICY);
      case 'domain-refused':
        errors.email = `Use your work email (at ${policy.allowedDomains.join(' or ')}).`;
        return signInPage(req, res, ctx, names, 400, values, errors);
      case 'exists':
        return sendPage(res, 409, renderAlreadyRegistered(courseTitle), FORM_POLICY);
      case 'created':
        return sendPage(res, 200, renderWelcome(courseTitle, outcome.learner.name, `${ctx.origin}/l/${outcome.link}`), FORM_POLICY, { 'set-cookie': learnerCookie(outcome.token, ctx, names) });
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
    sendPage(res, 200, page, COURSE_HOST_POLICY);
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
    sendPage(res, status, renderManagerLogin(courseTitle, form.token, error), FORM_POLICY, { ...form.headers, ...headers });
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
    sendPage(res, 200, renderLearnerLinks(courseTitle, rows, csrf, notice), MANAGER_POLICY);
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

  /** The mode's routes: resolves false when none matches (the host answers 404). */
  async function route(req: IncomingMessage, res: ServerResponse, { url, method, isGet, context: ctx, port }: HostRequest): Promise<void | false> {
    const names = cookieNames(ctx.secure, port);
    const { pathname } = url;

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
        return sendPage(res, 200, renderLinkLanding(courseTitle, learner.name, form.token, `/l/${token}`), FORM_POLICY, form.headers);
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
    if (pathname === '/manager') {
      if (isGet) return managerSession(req, names) ? redirect(res, '/manager/report') : managerPage(req, res, ctx, names, 200);
      if (method === 'POST') return managerSignIn(req, res, ctx, names);
      throw methodNotAllowed(['GET', 'POST']);
    }
    if (pathname === '/manager/report') {
      if (!isGet) throw methodNotAllowed(['GET']);
      const session = requireManager(req, names);
      const page = serverReportHtml(buildServerReport(db, options.reportCourse), session.csrf);
      return sendPage(res, 200, page, MANAGER_POLICY);
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
    return false;
  }

  return {
    name: 'course server',
    apiPrefixes: ['/api/'],
    handle: async (req, res, request) => (await route(req, res, request)) !== false,
    answerFor(error) {
      if (error instanceof RecordInputError) return { status: statusOfInputError(error), message: error.message };
      // The database refused (a full disk): the learner may try again; the admin hears of it.
      if (error instanceof RecordsDbError) return { status: 503, message: 'the records could not be saved just now; try again', log: error.message };
      return undefined;
    },
    writeStats: () => writer.stats(),
    close: () => writer.close(),
  };
}

export async function startCourseServer(options: CourseServerOptions): Promise<CourseServer> {
  const mode = await teamMode(options);
  const host = await startHost(mode, {
    courseDir: options.courseDir,
    port: options.port ?? 0,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.log ? { log: options.log } : {}),
    tls: options.tls,
    trustProxy: options.trustProxy ?? false,
  });
  return { url: host.url, port: host.port, host: host.host, cookies: cookieNames(options.tls !== undefined, host.port), writeStats: () => mode.writeStats(), close: () => host.close() };
}
