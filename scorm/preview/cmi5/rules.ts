/**
 * What the local LRS checks in every statement an AU sends, beyond the xAPI validation that
 * Learning Locker's validator does: the cmi5 specification's section 9 (and 7.1.3), for one AU
 * session in one registration. Pure: the statement and what came before in, problems out.
 */
import { CMI5, VERBS, type Agent, type Statement, type StatementContext } from '../../../src/lms/cmi5/statement-types.ts';

/** The LMS's side of one launch: what it told the AU. */
export interface SessionFacts {
  sessionId: string;
  registration: string;
  activityId: string;
  actor: Agent;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number | undefined;
  contextTemplate: StatementContext;
}

/** What the LRS has stored so far for the session and for its registration. */
export interface SessionHistory {
  /** Timestamps (ms) of the session's initialized and terminated statements, when stored. */
  initializedAt?: number | undefined;
  terminatedAt?: number | undefined;
  /** The latest timestamp among the session's stored statements. */
  latestAt?: number | undefined;
  /** cmi5 defined verbs stored in this session. */
  sessionVerbs: ReadonlySet<string>;
  /** cmi5 defined verbs stored in this registration (every session). */
  registrationVerbs: ReadonlySet<string>;
}

/** Verbs an AU uses in cmi5 defined statements. */
const AU_VERBS: readonly string[] = [VERBS.initialized, VERBS.terminated, VERBS.completed, VERBS.passed, VERBS.failed];
const DURATION_REQUIRED: readonly string[] = [VERBS.terminated, VERBS.completed, VERBS.passed, VERBS.failed];
const UTC_TIMESTAMP = /(?:Z|[+-]00:?00)$/;

function hasActivity(list: StatementContext['contextActivities'], key: 'category' | 'grouping', id: string): boolean {
  return (list?.[key] ?? []).some((a) => a.id === id);
}

function sameAgent(a: Agent, b: Agent): boolean {
  return a.account?.homePage === b.account?.homePage && a.account?.name === b.account?.name && (a.objectType ?? 'Agent') === 'Agent';
}

export function checkCmi5Statement(s: Statement, facts: SessionFacts, history: SessionHistory): string[] {
  const problems: string[] = [];
  const verb = s.verb.id;
  const name = verb.slice(verb.lastIndexOf('/') + 1);
  const problem = (text: string) => problems.push(`${name}: ${text}`);
  const context = s.context ?? {};
  const activities = context.contextActivities;
  const defined = hasActivity(activities, 'category', CMI5.categoryCmi5);
  const at = Date.parse(s.timestamp);

  // 9.7 timestamp; 9.2 actor; 9.6.1 registration; 9.6.3.1 session id; 10 context template.
  if (typeof s.timestamp !== 'string' || !Number.isFinite(at)) problem('every statement needs a timestamp (9.7)');
  else if (!UTC_TIMESTAMP.test(s.timestamp)) problem(`timestamps must be UTC (9.7), got ${s.timestamp}`);
  if (!s.actor?.account || !sameAgent(s.actor, facts.actor)) problem('the actor must be the launch actor, an Agent with an account (9.2)');
  if (context.registration !== facts.registration) problem(`context.registration must be the launch registration ${facts.registration} (9.6.1)`);
  if (context.extensions?.[CMI5.sessionId] !== facts.sessionId) problem(`the context must carry the session id ${facts.sessionId} (9.6.3.1)`);
  for (const activity of facts.contextTemplate.contextActivities?.grouping ?? []) {
    if (!hasActivity(activities, 'grouping', activity.id)) problem(`the context template's grouping activity ${activity.id} is missing (9.6.2.3, 10)`);
  }
  for (const [key, value] of Object.entries(facts.contextTemplate.extensions ?? {})) {
    if (JSON.stringify(context.extensions?.[key]) !== JSON.stringify(value)) problem(`the context template's extension ${key} was changed or left out (10)`);
  }

  // 9.3 order within the session.
  if (verb === VERBS.initialized) {
    if (history.initializedAt !== undefined || history.latestAt !== undefined) problem('initialized must be the first statement of the session, and only once (9.3.2)');
  } else if (history.initializedAt === undefined) {
    problem('a statement before initialized: initialized must come first (9.3, 7.1.3)');
  } else if (Number.isFinite(at) && at < history.initializedAt) {
    problem('timestamped before the session was initialized (9.3)');
  }
  if (history.terminatedAt !== undefined && Number.isFinite(at) && at > history.terminatedAt) problem('after terminated: terminated must be the last statement of the session (9.3.8)');
  if (verb === VERBS.terminated && history.latestAt !== undefined && Number.isFinite(at) && at < history.latestAt) problem('terminated must be the last statement of the session by timestamp (9.3)');

  const result = s.result;
  const moveOn = hasActivity(activities, 'category', CMI5.categoryMoveOn);
  const progress = result?.extensions?.[CMI5.progress];
  if (progress !== undefined && !(Number.isInteger(progress) && (progress as number) >= 0 && (progress as number) <= 100)) problem('the progress extension must be a whole number from 0 to 100 (9.5.5.1)');

  if (!defined) {
    if (AU_VERBS.includes(verb)) problem('cmi5 verbs sent by the AU must be cmi5 defined statements (with the cmi5 category) (9.3, 7.1.3)');
    if (moveOn) problem('only cmi5 defined statements with success or completion carry the moveOn category (9.6.2.2)');
    return problems;
  }

  // A cmi5 defined statement.
  if (!AU_VERBS.includes(verb)) problem('the cmi5 category on a verb the AU may not use in cmi5 defined statements (9.3)');
  if (s.object?.id !== facts.activityId) problem(`the object must be the AU, activityId ${facts.activityId} (9.4)`);
  if (history.sessionVerbs.has(verb)) problem('a cmi5 defined verb may be used once per session (9.3)');
  if ((verb === VERBS.passed || verb === VERBS.failed) && (history.sessionVerbs.has(VERBS.passed) || history.sessionVerbs.has(VERBS.failed))) problem('only one of passed and failed per session (9.3)');
  if (verb === VERBS.completed && history.registrationVerbs.has(VERBS.completed)) problem('completed once per registration (9.3.3)');
  if (verb === VERBS.passed && history.registrationVerbs.has(VERBS.passed)) problem('passed once per registration (9.3.4)');
  if (verb === VERBS.failed && history.registrationVerbs.has(VERBS.passed)) problem('failed must not follow passed in a registration (9.3)');
  if ((verb === VERBS.completed || verb === VERBS.passed || verb === VERBS.failed) && facts.launchMode !== 'Normal') {
    problem(`no completion or success in ${facts.launchMode} mode (10, launchMode)`);
  }

  // 9.5 result rules per verb.
  const scoreAllowed = verb === VERBS.passed || verb === VERBS.failed;
  if (result?.score !== undefined && !scoreAllowed) problem('only passed and failed may carry a score (9.5.1)');
  if (verb === VERBS.passed && result?.success !== true) problem('passed needs result.success true (9.5.2)');
  if (verb === VERBS.failed && result?.success !== false) problem('failed needs result.success false (9.5.2)');
  if (!scoreAllowed && result?.success !== undefined) problem('only passed and failed carry result.success (9.5.2)');
  if (verb === VERBS.completed && result?.completion !== true) problem('completed needs result.completion true (9.5.3)');
  if (verb !== VERBS.completed && result?.completion !== undefined) problem('only completed carries result.completion (9.5.3)');
  if (DURATION_REQUIRED.includes(verb) && typeof result?.duration !== 'string') problem('needs result.duration (9.5.4.1)');
  if (verb === VERBS.completed && progress !== undefined) problem('completed should not carry progress (9.5.5.1)');
  const hasOutcome = result?.success !== undefined || result?.completion !== undefined;
  if (hasOutcome !== moveOn) problem(hasOutcome ? 'the moveOn category is missing (9.6.2.2)' : 'the moveOn category is only for success or completion (9.6.2.2)');
  if (scoreAllowed && facts.masteryScore !== undefined) {
    if (context.extensions?.[CMI5.masteryScore] !== facts.masteryScore) problem(`the masteryScore extension must be ${facts.masteryScore} (9.6.3.2)`);
    const scaled = result?.score?.scaled;
    if (scaled !== undefined && verb === VERBS.passed && scaled < facts.masteryScore) problem(`passed with a scaled score ${scaled} under the mastery score ${facts.masteryScore} (9.3.4)`);
    if (scaled !== undefined && verb === VERBS.failed && scaled >= facts.masteryScore) problem(`failed with a scaled score ${scaled} at or over the mastery score ${facts.masteryScore} (9.3.5)`);
  }
  const score = result?.score;
  if (score?.raw !== undefined && (score.min === undefined || score.max === undefined)) problem('a raw score needs min and max (9.5.1)');
  return problems;
}
