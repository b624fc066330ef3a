// Who a learner is, as the server alone decides it. A work email names a learner but never
// proves who is typing it: open sign-in only creates new learners, and an existing record opens
// only with its personal link, which the learner got once and a manager can see, revoke and
// reissue. Whatever a commit says about the learner is replaced by what the records hold.
import { normalizeEmail, RecordInputError } from './record-input.ts';
import type { Learner, LearnerInput, RecordsDb } from './records-db.ts';
import { newToken, TOKEN_SHAPE } from './sessions.ts';
import { isPlainObject } from '../content/json-values.ts';

const LINK_SETTING = 'learner_link:';
const LINK_OF_SETTING = 'learner_link_of:';

export interface SignInPolicy {
  /** No one signs up: learners come only through links a manager hands out. */
  inviteOnly: boolean;
  /** When non-empty, only emails at these domains (lowercase, exact) may sign up. */
  allowedDomains: readonly string[];
}

export type SignUpOutcome = { kind: 'created'; learner: Learner; link: string } | { kind: 'exists' } | { kind: 'closed' } | { kind: 'domain-refused'; domain: string };

/** `--allowed-domains a.com,b.org` as a list; throws RecordInputError for a name that isn't a domain. */
export function parseAllowedDomains(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((raw) => {
    const domain = raw.trim().toLowerCase().replace(/^@/, '');
    // The email check holds the domain rules: a domain is fine when x@domain is a fine email.
    normalizeEmail(`x@${domain}`);
    return domain;
  });
}

/** The personal link token of a learner: made when missing. */
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

/** The learner whose personal link this is, or undefined (unknown or revoked). */
export function learnerOfLink(db: RecordsDb, token: string): Learner | undefined {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const id = db.setting(LINK_SETTING + token);
  return id === undefined ? undefined : db.learnerById(id);
}

/** Every learner's current link token (learners whose link was revoked have none). */
export function linkTokens(db: RecordsDb): Map<string, string> {
  const byLearner = new Map<string, string>();
  for (const [key, token] of db.settingsWithPrefix(LINK_OF_SETTING)) byLearner.set(key.slice(LINK_OF_SETTING.length), token);
  return byLearner;
}

/** The learner's link stops working and their sessions end; with `reissue`, a new link replaces it. */
export function revokeLink(db: RecordsDb, learnerId: string, options: { reissue: boolean }): string | undefined {
  return db.transaction(() => {
    if (!db.learnerById(learnerId)) throw new RecordInputError('unknown-learner', `there is no learner ${learnerId}`);
    const old = db.setting(LINK_OF_SETTING + learnerId);
    if (old) db.deleteSetting(LINK_SETTING + old);
    db.deleteSetting(LINK_OF_SETTING + learnerId);
    db.deleteLearnerSessions(learnerId);
    return options.reissue ? personalLinkToken(db, learnerId) : undefined;
  });
}

/**
 * Open sign-in: creates a new learner and their link; an email that already has a record gets
 * nothing (not its record, not its link, no change to it).
 */
export function signUp(db: RecordsDb, input: LearnerInput, policy: SignInPolicy): SignUpOutcome {
  if (policy.inviteOnly) return { kind: 'closed' };
  const email = normalizeEmail(input.email);
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (policy.allowedDomains.length > 0 && !policy.allowedDomains.includes(domain)) return { kind: 'domain-refused', domain };
  return db.transaction((): SignUpOutcome => {
    const learner = db.createLearner(input);
    if (!learner) return { kind: 'exists' };
    return { kind: 'created', learner, link: personalLinkToken(db, learner.id) };
  });
}

/**
 * The cmi tree with the learner named as the records name them, in both SCORM 2004's fields and
 * 1.2's `cmi.core.*` (which a report reads first when present): a body can't speak for anyone.
 */
export function withServerIdentity(cmi: Record<string, unknown>, learner: { id: string; name: string }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...cmi, learner_id: learner.id, learner_name: learner.name };
  const core = cmi['core'];
  if (isPlainObject(core)) out['core'] = { ...core, student_id: learner.id, student_name: learner.name };
  return out;
}
