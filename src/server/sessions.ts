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
}

export class SessionStore {
  private readonly now: () => number;
  private readonly renew: (tokenHash: string, expiresAt: number) => void;
  private readonly expire: (tokenHash: string) => void;
  private lastPurge = 0;

  constructor(
    private readonly db: RecordsDb,
    options: SessionStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.renew = options.renew ?? ((hash, expiresAt) => db.renewSession(hash, expiresAt));
    this.expire = options.expire ?? ((hash) => db.deleteSession(hash));
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
    const session = this.db.sessionByHash(hashOf(token));
    if (!session || session.kind !== kind) return undefined;
    const now = this.now();
    if (session.expiresAt <= now) {
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
