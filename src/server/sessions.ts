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

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export type SessionKind = SessionRow['kind'];

export interface SessionStoreOptions {
  now?: () => number;
}

export class SessionStore {
  private readonly now: () => number;
  private lastPurge = 0;

  constructor(
    private readonly db: RecordsDb,
    options: SessionStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
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
      this.db.deleteSession(session.tokenHash);
      return undefined;
    }
    if (session.expiresAt - now < lifetimeMs - lifetimeMs / 12) {
      session.expiresAt = now + lifetimeMs;
      this.db.renewSession(session.tokenHash, session.expiresAt);
    }
    return session;
  }

  delete(token: string | undefined): void {
    if (token !== undefined && TOKEN_SHAPE.test(token)) this.db.deleteSession(hashOf(token));
  }
}
