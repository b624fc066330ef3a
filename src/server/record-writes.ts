// Every write the server makes while it serves, as named operations on plain data, so they
// can run in the writer thread (record-writer.ts) as well as in process: sign-ups, sessions,
// commits and personal links. Each runs inside a transaction the caller provides.
import { revokeLink, signUp, withServerIdentity, type SignInPolicy } from './identity.ts';
import { isPlainObject } from '../content/json-values.ts';
import { RecordInputError } from './record-input.ts';
import type { LearnerInput, Learner, RecordsDb } from './records-db.ts';
import { SessionStore, type SessionKind } from './sessions.ts';

export type SignUpResult = { kind: 'created'; learner: Learner; link: string; token: string } | { kind: 'exists' } | { kind: 'closed' } | { kind: 'domain-refused'; domain: string };

export interface WriteOps {
  /** A new learner, their link and a session; or why not. */
  signUp(input: LearnerInput, policy: SignInPolicy, lifetimeMs: number): SignUpResult;
  /** A session on the learner's current attempt (a finished course starts a new one); its token. */
  startLearnerSession(learnerId: string, lifetimeMs: number): string;
  startManagerSession(lifetimeMs: number): string;
  /**
   * Saves a commit body as sent (JSON text), with the learner named as the records name them
   * whatever the body says; the saved commit's sequence number. Parsing happens here, in the
   * writer, so the serving thread only passes text along.
   */
  saveCommit(attemptId: number, text: string, learner: { id: string; name: string }): number;
  renewSession(tokenHash: string, expiresAt: number): void;
  deleteSessionHash(tokenHash: string): void;
  revokeLink(learnerId: string, reissue: boolean): string | undefined;
}

export type WriteOp = keyof WriteOps;

export function recordWrites(db: RecordsDb): WriteOps {
  const sessions = new SessionStore(db);
  const startLearnerSession = (learnerId: string, lifetimeMs: number): string => {
    let attempt = db.currentAttempt(learnerId, '2004');
    // A course the learner finished (completed, left normally) makes the next launch a new
    // attempt, as an LMS does. It is closed here, not at that commit: later commits of the
    // finishing session (the final one at pagehide) must still be accepted.
    const cmi = db.latestCommit(attempt.id)?.body.cmi;
    if (cmi && cmi['exit'] === 'normal' && cmi['completion_status'] === 'completed') {
      db.finishAttempt(attempt.id);
      attempt = db.currentAttempt(learnerId, '2004');
    }
    return sessions.create('learner', { learnerId, attemptId: attempt.id }, lifetimeMs).token;
  };
  const startSession = (kind: SessionKind, lifetimeMs: number) => sessions.create(kind, null, lifetimeMs).token;
  return {
    signUp(input, policy, lifetimeMs) {
      const made = signUp(db, input, policy);
      return made.kind === 'created' ? { ...made, token: startLearnerSession(made.learner.id, lifetimeMs) } : made;
    },
    startLearnerSession,
    startManagerSession: (lifetimeMs) => startSession('manager', lifetimeMs),
    saveCommit: (attemptId, text, learner) => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new RecordInputError('not-json', 'the body is not JSON');
      }
      if (isPlainObject(body) && isPlainObject(body['cmi'])) body = { ...body, cmi: withServerIdentity(body['cmi'], learner) };
      return db.saveCommit(attemptId, body).sequence;
    },
    renewSession: (tokenHash, expiresAt) => db.renewSession(tokenHash, expiresAt),
    deleteSessionHash: (tokenHash) => db.deleteSession(tokenHash),
    revokeLink: (learnerId, reissue) => revokeLink(db, learnerId, { reissue }),
  };
}
