/**
 * A local LMS + LRS for cmi5, for the preview and the tests only (in memory, loopback): it
 * launches the AU as an LMS does (LMS.LaunchData in the State API, a `launched` statement, a
 * one-time fetch URL for the token) and answers the AU's xAPI requests:
 *   POST /cmi5/fetch/<key>                      the auth token, once; error-code 1 after that
 *   POST|PUT /xapi/statements                   checked with Learning Locker's validator and the
 *                                               cmi5 rules (rules.ts); a batch with one bad
 *                                               statement is refused whole (400), as LRSs do
 *   GET|PUT|POST|DELETE /xapi/activities/state  the State API (LMS.LaunchData read-only to the AU)
 *   GET|PUT /xapi/agents/profile                learner preferences
 * Like a real LRS it wants the xAPI version header and a live token (401 otherwise); tests can
 * make it fail on purpose (expire tokens, answer 5xx).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as xapiValidation from 'xapi-validation';
import { auIri } from '../../../src/lms/cmi5/iri.ts';
import { CMI5, VERBS, type Agent, type LaunchData, type Statement } from '../../../src/lms/cmi5/statement-types.ts';
import { HttpError, readBody, sendJson } from '../../../src/server/http.ts';
import { checkCmi5Statement, type SessionFacts } from './rules.ts';
import { isPlainObject } from '../../../src/content/json-values.ts';

export interface LrsSession extends SessionFacts {
  token: string;
  fetchKey: string;
  fetched: boolean;
  expired: boolean;
  launchUrl: string;
  /** Stored statements of this session, in arrival order. */
  statements: Statement[];
}

export interface Refusal {
  at: number;
  verb: string;
  statementId: string;
  problems: string[];
}

export interface LaunchOptions {
  /** The AU's URL (the package's index.html as served), absolute. */
  auUrl: string;
  launchMode?: LaunchData['launchMode'];
  returnUrl?: string;
  /** A new enrolment: a new registration, so progress and verbs start afresh. */
  newRegistration?: boolean;
}

export interface TestLrsOptions {
  /** This server's origin, e.g. http://127.0.0.1:4321 (known once it listens). */
  origin: () => string;
  /** The course's base IRI, as in the package's cmi5.xml (the AU's publisher id is `<iri>/au`). */
  courseIri: string;
  /** The AU's masteryScore from cmi5.xml (0–1). */
  masteryScore: number;
  /** Changes the LMS's clock (tests). */
  now?: () => number;
}

const LEARNER: Agent = { objectType: 'Agent', name: 'Preview Learner', account: { homePage: 'https://lms.preview.invalid', name: 'preview-learner' } };
const LAUNCH_DATA = 'LMS.LaunchData';
const PREFERENCES = 'cmi5LearnerPreferences';

type Validate = (statement: unknown) => { path: (string | number)[]; message: string }[];
// The package is CommonJS with `exports.default`: Node's ESM loader hands the whole exports object over.
const validateXapi: Validate = ((xapiValidation.default as unknown as { default?: Validate }).default ?? xapiValidation.default) as Validate;

function agentKey(raw: string | null): string {
  try {
    const agent = JSON.parse(raw ?? '') as Agent;
    if (agent.account) return `${agent.account.homePage}|${agent.account.name}`;
    if (agent.mbox) return agent.mbox;
  } catch {
    // falls through
  }
  throw new HttpError(400, 'agent must be an xAPI Agent as JSON');
}

export class TestLrs {
  readonly sessions: LrsSession[] = [];
  /** Every statement stored, the LMS's own included, in arrival order. */
  readonly statements: Statement[] = [];
  /** Statements refused as invalid, with why: a conformant AU leaves this empty. */
  readonly refusals: Refusal[] = [];
  private registration = randomUUID();
  private readonly documents = new Map<string, string>();
  private failures: number[] = [];
  private readonly listeners = new Set<() => void>();
  readonly activityId: string;
  readonly publisherId: string;

  constructor(private readonly options: TestLrsOptions) {
    this.publisherId = auIri(options.courseIri);
    // The LMS's own id for the AU: never the publisher's (cmi5 8.1), the same on every launch.
    this.activityId = 'https://lms.preview.invalid/activities/email-etiquette-au';
  }

  get currentRegistration(): string {
    return this.registration;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The LMS launches the AU: LMS.LaunchData, a launched statement and the launch URL. */
  launch(options: LaunchOptions): LrsSession {
    if (options.newRegistration) this.newRegistration();
    const origin = this.options.origin();
    const sessionId = randomUUID();
    const launchMode = options.launchMode ?? 'Normal';
    const contextTemplate = { contextActivities: { grouping: [{ id: this.publisherId }] }, extensions: { [CMI5.sessionId]: sessionId } };
    const launchData: LaunchData = { contextTemplate, launchMode, moveOn: 'CompletedAndPassed', masteryScore: this.options.masteryScore, ...(options.returnUrl ? { returnURL: options.returnUrl } : {}) };
    this.documents.set(this.stateKey(this.activityId, `${LEARNER.account?.homePage}|${LEARNER.account?.name}`, this.registration, LAUNCH_DATA), JSON.stringify(launchData));
    const fetchKey = randomBytes(12).toString('hex');
    const params = new URLSearchParams({
      endpoint: `${origin}/xapi/`,
      fetch: `${origin}/cmi5/fetch/${fetchKey}`,
      actor: JSON.stringify(LEARNER),
      registration: this.registration,
      activityId: this.activityId,
    });
    const session: LrsSession = {
      sessionId,
      registration: this.registration,
      activityId: this.activityId,
      actor: LEARNER,
      launchMode,
      masteryScore: this.options.masteryScore,
      contextTemplate,
      token: randomBytes(18).toString('base64'),
      fetchKey,
      fetched: false,
      expired: false,
      launchUrl: `${options.auUrl}?${params}`,
      statements: [],
    };
    this.sessions.push(session);
    this.store({
      id: randomUUID(),
      timestamp: new Date(this.now()).toISOString(),
      actor: LEARNER,
      verb: { id: VERBS.launched, display: { en: 'launched' } },
      object: { id: this.activityId, objectType: 'Activity' },
      context: {
        registration: this.registration,
        contextActivities: { category: [{ id: CMI5.categoryCmi5 }], grouping: [{ id: this.publisherId }] },
        extensions: { [CMI5.sessionId]: sessionId, [CMI5.launchMode]: launchMode, [CMI5.launchUrl]: options.auUrl, [CMI5.moveOn]: 'CompletedAndPassed', [CMI5.masteryScore]: this.options.masteryScore },
      },
    });
    return session;
  }

  /** A new enrolment: the next launch starts afresh (the old registration's records stay). */
  newRegistration(): void {
    this.registration = randomUUID();
  }

  /** The tokens of every session so far stop working (an expired session, as LMSs do). */
  expireTokens(): void {
    for (const s of this.sessions) s.expired = true;
  }

  /** The next `count` statement requests are answered with `status` (e.g. 503). */
  failStatements(count: number, status: number): void {
    this.failures = Array.from({ length: count }, () => status);
  }

  /** Called whenever a statement is stored (the preview's panel, tests waiting for one). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether this request is the LRS's; if so it has been answered. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const { pathname } = url;
    const method = req.method ?? 'GET';
    if (pathname.startsWith('/cmi5/fetch/')) {
      if (method !== 'POST') throw new HttpError(405, 'the fetch URL takes POST only (cmi5 8.2.1)', { allow: 'POST' });
      const session = this.sessions.find((s) => s.fetchKey === pathname.slice('/cmi5/fetch/'.length));
      if (!session) sendJson(res, 200, { 'error-code': '2', 'error-text': 'Unknown fetch URL.' });
      else if (session.fetched || session.expired) sendJson(res, 200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      else {
        session.fetched = true;
        sendJson(res, 200, { 'auth-token': session.token });
      }
      return true;
    }
    if (!pathname.startsWith('/xapi/')) return false;
    if (method === 'OPTIONS') {
      res.writeHead(204, { allow: 'GET, PUT, POST, DELETE' }).end();
      return true;
    }
    if (!/^1\.0(\.\d+)?$/.test(String(req.headers['x-experience-api-version'] ?? ''))) throw new HttpError(400, 'X-Experience-API-Version 1.0.x is required');
    const session = this.sessionOf(req.headers.authorization);
    const resource = pathname.slice('/xapi/'.length).replace(/\/+$/, '');
    if (resource === 'statements') await this.statementsRequest(req, res, url, session);
    else if (resource === 'activities/state') await this.stateRequest(req, res, url);
    else if (resource === 'agents/profile') await this.profileRequest(req, res, url);
    else throw new HttpError(404, 'not an xAPI resource this LRS has');
    return true;
  }

  private sessionOf(authorization: string | undefined): LrsSession {
    const token = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
    const session = this.sessions.find((s) => s.token === token && s.fetched);
    if (!session) throw new HttpError(401, 'no valid credentials');
    if (session.expired) throw new HttpError(401, 'the session has expired');
    return session;
  }

  private async statementsRequest(req: IncomingMessage, res: ServerResponse, url: URL, session: LrsSession): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      sendJson(res, 200, { statements: this.statements.filter((s) => s.context.registration === session.registration), more: '' });
      return;
    }
    if (method !== 'POST' && method !== 'PUT') throw new HttpError(405, 'use GET, PUT or POST', { allow: 'GET, PUT, POST' });
    const failure = this.failures.shift();
    if (failure !== undefined) throw new HttpError(failure, 'the LRS is failing on purpose (test)');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      throw new HttpError(400, 'the body must be JSON');
    }
    const batch = (Array.isArray(body) ? body : [body]) as Statement[];
    if (method === 'PUT') {
      const id = url.searchParams.get('statementId');
      if (batch.length !== 1 || !isPlainObject(batch[0]) || (batch[0].id !== undefined && batch[0].id !== id)) throw new HttpError(400, 'PUT takes one statement whose id is statementId');
    }
    const fresh: Statement[] = [];
    for (const statement of batch) {
      const known = isPlainObject(statement) ? this.statements.find((s) => s.id === statement.id) : undefined;
      if (known) {
        // The same statement again (a retry whose answer was lost) changes nothing; another one is a conflict.
        const { stored: _stored, ...kept } = known as Statement & { stored?: string };
        if (JSON.stringify(kept) !== JSON.stringify(statement)) throw new HttpError(409, `statement ${statement.id} already exists with other content`);
        continue;
      }
      fresh.push(statement);
    }
    // Check the batch as if stored one by one, so order within it counts; refuse it whole.
    const refused: Refusal[] = [];
    const staged = new Map<LrsSession, Statement[]>();
    for (const statement of fresh) {
      const problems = validateXapi(statement).map((w) => `xAPI: ${w.path.join('.')}: ${w.message}`);
      const owner = this.sessions.find((s) => s.sessionId === statement?.context?.extensions?.[CMI5.sessionId]);
      if (!owner) problems.push('the context has no session id the LMS issued (9.6.3.1)');
      else if (owner !== session) problems.push('the token belongs to another session');
      else {
        const before = [...owner.statements, ...(staged.get(owner) ?? [])];
        problems.push(...checkCmi5Statement(statement, owner, historyOf(before, [...this.statementsOfRegistration(owner.registration), ...(staged.get(owner) ?? [])])));
        staged.set(owner, [...(staged.get(owner) ?? []), statement]);
      }
      if (problems.length > 0) refused.push({ at: this.now(), verb: statement?.verb?.id ?? '?', statementId: String(statement?.id ?? '?'), problems });
    }
    if (refused.length > 0) {
      this.refusals.push(...refused);
      this.notify();
      throw new HttpError(400, refused.flatMap((r) => r.problems).join('; '));
    }
    for (const statement of fresh) this.store(statement);
    if (method === 'PUT') res.writeHead(204).end();
    else sendJson(res, 200, batch.map((s) => s.id));
  }

  private statementsOfRegistration(registration: string): Statement[] {
    return this.statements.filter((s) => s.context.registration === registration);
  }

  private store(statement: Statement): void {
    const stored = { ...statement, stored: new Date(this.now()).toISOString() };
    this.statements.push(stored);
    this.sessions.find((s) => s.sessionId === statement.context.extensions?.[CMI5.sessionId] && statement.verb.id !== VERBS.launched)?.statements.push(stored);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private stateKey(activityId: string, agent: string, registration: string, stateId: string): string {
    return JSON.stringify([activityId, agent, registration, stateId]);
  }

  private async stateRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = url.searchParams;
    const activityId = p.get('activityId');
    const stateId = p.get('stateId');
    if (!activityId || !stateId) throw new HttpError(400, 'activityId and stateId are required');
    const key = this.stateKey(activityId, agentKey(p.get('agent')), p.get('registration') ?? '', stateId);
    await this.documentRequest(req, res, key, stateId === LAUNCH_DATA);
  }

  private async profileRequest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const profileId = url.searchParams.get('profileId');
    if (profileId !== PREFERENCES) throw new HttpError(400, `profileId must be ${PREFERENCES}`);
    await this.documentRequest(req, res, JSON.stringify(['profile', agentKey(url.searchParams.get('agent')), profileId]), false);
  }

  private async documentRequest(req: IncomingMessage, res: ServerResponse, key: string, readOnly: boolean): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      const text = this.documents.get(key);
      if (text === undefined) sendJson(res, 404, { error: 'no such document' });
      else res.writeHead(200, { 'content-type': 'application/json', etag: `"${text.length}"` }).end(text);
      return;
    }
    if (readOnly) throw new HttpError(403, 'the AU must not change LMS.LaunchData (cmi5 10)');
    if (method === 'DELETE') {
      this.documents.delete(key);
      res.writeHead(204).end();
      return;
    }
    if (method !== 'PUT' && method !== 'POST') throw new HttpError(405, 'use GET, PUT, POST or DELETE', { allow: 'GET, PUT, POST, DELETE' });
    const text = await readBody(req);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'the document must be JSON');
    }
    const old = this.documents.get(key);
    const merged = method === 'POST' && old !== undefined && isPlainObject(value) ? { ...(JSON.parse(old) as Record<string, unknown>), ...value } : value;
    this.documents.set(key, JSON.stringify(merged));
    res.writeHead(204).end();
  }
}

/** What the rules need to know of what came before. */
function historyOf(session: readonly Statement[], registration: readonly Statement[]) {
  const defined = (list: readonly Statement[]) =>
    new Set(list.filter((s) => (s.context.contextActivities?.category ?? []).some((c) => c.id === CMI5.categoryCmi5) && s.verb.id !== VERBS.launched).map((s) => s.verb.id));
  const time = (verb: string) => {
    const found = session.find((s) => s.verb.id === verb);
    return found ? Date.parse(found.timestamp) : undefined;
  };
  const times = session.map((s) => Date.parse(s.timestamp)).filter((t) => Number.isFinite(t));
  return {
    initializedAt: time(VERBS.initialized),
    terminatedAt: time(VERBS.terminated),
    latestAt: times.length > 0 ? Math.max(...times) : undefined,
    sessionVerbs: defined(session),
    registrationVerbs: defined(registration),
  };
}
