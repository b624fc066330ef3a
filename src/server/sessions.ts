// Signed-in learners and managers, kept in the records database so a restart signs no one out.
// The cookie holds a random token; the database holds only its SHA-256, so a copied backup opens
// no session. Each session carries its own CSRF token, which its state-changing requests repeat.
import { createHash, randomBytes } from 'node:crypto';
import type { RecordsDb, SessionRow } from './records-db.ts';

export const LEARNER_SESSION_MS = 12 * 60 * 60_000;
export const MANAGER_SESSION_MS = 8 * 60 * 60_000;

/** 24 random bytes, URL-safe: cookie values, CSRF tokens and personal links. */
export const newToken = (): string => randomBytes(24).toString('base64url');
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;

/** What the database keeps of a token. */
export const hashOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

export type SessionKind = SessionRow['kind'];

export interface SessionStoreOptions {
  now?: () => number;
  /**
   * How a lookup's writes are made (renewing a session, forgetting an expired one); by default
   * at once on `db`. The server hands them to its writer thread instead: a read stays a read.
   */
  renew?: (tokenHash: string, expiresAt: number) => void;
  expire?: (tokenHash: string) => void;
  /**
   * Remember sessions read for this long (ms), so a learner's commits don't each read the
   * database; 0 (the default) reads every time. Only for the one process
   * that also makes every change to sessions, and tells this store (forget, forgetLearner).
   */
  cacheMs?: number;
}

/** At most this many sessions remembered; past it the oldest go first. */
const CACHE_LIMIT = 20_000;

export class SessionStore {
  private readonly now: () => number;
  private readonly renew: (tokenHash: string, expiresAt: number) => void;
  private readonly expire: (tokenHash: string) => void;
  private lastPurge = 0;
  private readonly cacheMs: number;
  private readonly cache = new Map<string, { session: SessionRow; until: number }>();

  constructor(
    private readonly db: RecordsDb,
    options: SessionStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.renew = options.renew ?? ((hash, expiresAt) => db.renewSession(hash, expiresAt));
    this.expire = options.expire ?? ((hash) => db.deleteSession(hash));
    this.cacheMs = options.cacheMs ?? 0;
  }

  /** Forgets what was remembered of a session (it was ended). */
  forget(tokenHash: string): void {
    this.cache.delete(tokenHash);
  }

  /** Forgets every remembered session of a learner (their sessions were ended). */
  forgetLearner(learnerId: string): void {
    for (const [hash, entry] of this.cache) if (entry.session.learnerId === learnerId) this.cache.delete(hash);
  }

  private lookup(tokenHash: string, now: number): SessionRow | undefined {
    if (this.cacheMs <= 0) return this.db.sessionByHash(tokenHash);
    const hit = this.cache.get(tokenHash);
    if (hit && hit.until > now) return hit.session;
    this.cache.delete(tokenHash);
    const session = this.db.sessionByHash(tokenHash);
    if (session) {
      if (this.cache.size >= CACHE_LIMIT) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      this.cache.set(tokenHash, { session, until: now + this.cacheMs });
    }
    return session;
  }

  /** A new session; returns the cookie's token (never stored) and the session. */
  create(kind: SessionKind, owner: { learnerId: string; attemptId: number } | null, lifetimeMs: number): { token: string; session: SessionRow } {
    const now = this.now();
    // Expired rows go at most once a minute, at a sign-in (never on the commit path).
    if (now - this.lastPurge > 60_000) {
      this.lastPurge = now;
      this.db.purgeSessions(now);
    }
    const token = newToken();
    const session: SessionRow = { tokenHash: hashOf(token), kind, learnerId: owner?.learnerId ?? null, attemptId: owner?.attemptId ?? null, csrf: newToken(), expiresAt: now + lifetimeMs };
    this.db.putSession(session);
    return { token, session };
  }

  /**
   * The live session of that kind behind a cookie token, or undefined. Use extends it (sliding
   * expiry), written at most once per twelfth of its lifetime so reads stay reads.
   */
  get(token: string | undefined, kind: SessionKind, lifetimeMs: number): SessionRow | undefined {
    if (token === undefined || !TOKEN_SHAPE.test(token)) return undefined;
    const now = this.now();
    const session = this.lookup(hashOf(token), now);
    if (!session || session.kind !== kind) return undefined;
    if (session.expiresAt <= now) {
      this.forget(session.tokenHash);
      this.expire(session.tokenHash);
      return undefined;
    }
    if (session.expiresAt - now < lifetimeMs - lifetimeMs / 12) {
      session.expiresAt = now + lifetimeMs;
      this.renew(session.tokenHash, session.expiresAt);
    }
    return session;
  }
}
