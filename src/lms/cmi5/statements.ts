/**
 * The statements only this course sends, built on cmi5.js's templates (context template,
 * registration, session id): `answered` for every knowledge check and rewrite, `progressed` with
 * the share done. Also: moving a statement queued in an earlier session into the current one.
 */
import type { Interaction } from '../store.ts';
import type { CourseIris } from './iri.ts';
import { CMI5, VERBS, type Statement, type StatementContext } from './statement-types.ts';

/** Timestamps that never go backwards, so the LRS orders the session as it happened. */
export class StatementClock {
  private last = 0;
  constructor(private readonly now: () => number) {}
  stamp(at = this.now()): string {
    this.last = Math.max(at, this.last + 1);
    return new Date(this.last).toISOString();
  }
}

export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds * 100) / 100);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = Math.round((s % 60) * 100) / 100;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${rest}S`;
}

/** The rewrite's scenario and try from the course's interaction id `<scenario>_<try>`. */
export function rewriteOf(id: string): { scenarioId: string; attempt: number } {
  const m = /^(.+)_(\d+)$/.exec(id);
  return m ? { scenarioId: m[1] ?? id, attempt: Number(m[2]) } : { scenarioId: id, attempt: 1 };
}

export interface AnsweredOptions {
  iris: CourseIris;
  /** Whether the learner's rewritten emails may leave the browser. */
  reportLearnerText: boolean;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A statement with actor, context and the AU as object, for a verb (cmi5.js's prepareStatement in a session). */
export type StatementBase = (verbId: string) => Statement;

export function answeredStatement(base: StatementBase, i: Interaction, options: AnsweredOptions): Statement {
  const statement = base(VERBS.answered);
  statement.verb.display = { en: 'answered' };
  const { iris } = options;
  const extensions: Record<string, unknown> = {};
  let objectId: string;
  let response: string | undefined;
  if (i.kind === 'rewrite') {
    const { scenarioId, attempt } = rewriteOf(i.id);
    objectId = iris.rewrite(scenarioId);
    extensions[iris.scenarioExtension] = scenarioId;
    extensions[iris.attemptExtension] = attempt;
    extensions[iris.checksExtension] = { ...(i.checks ?? {}) };
    if (options.reportLearnerText) response = i.response;
  } else {
    objectId = iris.question(i.id);
    extensions[iris.questionExtension] = i.id;
    // xAPI's choice response: the chosen ids joined by [,]; the course's ids are option numbers.
    response = i.response.split(',').filter((x) => x !== '').join('[,]');
  }
  statement.object = {
    objectType: 'Activity',
    id: objectId,
    definition: {
      type: CMI5.interaction,
      name: { en: oneLine(i.description ?? '', 250) || i.id },
      interactionType: i.kind === 'rewrite' ? 'long-fill-in' : 'choice',
    },
  };
  statement.result = {
    success: i.correct,
    score: { scaled: i.score / 100, raw: i.score, min: 0, max: 100 },
    ...(response === undefined ? {} : { response }),
    duration: isoDuration(i.latencySeconds),
    extensions,
  };
  return statement;
}

export function progressedStatement(base: StatementBase, percent: number): Statement {
  const statement = base(VERBS.progressed);
  statement.verb.display = { en: 'progressed' };
  statement.result = { extensions: { [CMI5.progress]: Math.min(100, Math.max(0, Math.round(percent))) } };
  return statement;
}

/**
 * A statement queued in an earlier session, moved into this one: this session's context
 * template, registration and a fresh id and timestamp (the old session is over, and the LMS
 * accepts nothing more for it), keeping its categories and the course's own extensions.
 */
export function intoSession(old: Statement, template: StatementContext, registration: string, id: string, timestamp: string): Statement {
  const fresh = structuredClone(template);
  const context: StatementContext = { ...fresh, registration };
  const category = old.context.contextActivities?.category;
  if (category && category.length > 0) context.contextActivities = { ...(fresh.contextActivities ?? {}), category };
  const extra = Object.fromEntries(Object.entries(old.context.extensions ?? {}).filter(([k]) => k !== CMI5.sessionId));
  context.extensions = { ...extra, ...(fresh.extensions ?? {}) };
  return { ...old, id, timestamp, context };
}
