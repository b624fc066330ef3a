/**
 * Scores a rewrite against its scenario: the generic verdicts of four checks are completed by
 * what the scenario's author says a good rewrite must carry, and the findings name what is
 * missing in the scenario's own words.
 */
import { checkResult, finding } from '../checks/result.ts';
import type { Email } from '../email.ts';
import { excerpt } from '../text.ts';
import type { CheckId, CheckResult, Finding, ScenarioFacts } from '../types.ts';
import { readFacts, type FactReading } from './facts.ts';

type Adjust = (check: CheckResult, reading: FactReading, facts: ScenarioFacts, email: Email) => CheckResult;

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

const mainPointFirst: Adjust = (check, reading, facts, email) => {
  const { ask } = reading;
  if (!ask) return check; // phrased in a way the scenario didn't foresee: the generic verdict stands
  if (reading.askInPreview) {
    return check.passed ? check : checkResult('main-point-first', true, Math.max(check.score, 0.85), `Your main point, ${facts.ask.label}, is in the opening sentences, where the preview pane shows it.`);
  }
  return checkResult(
    'main-point-first',
    false,
    Math.min(check.score, 0.4),
    `Your main point, ${facts.ask.label}, comes only in sentence ${ask.sentence + 1}; the preview pane shows the first two, and ${facts.reader} may decide from those alone.`,
    [
      finding('body', ask, `${facts.ask.label.charAt(0).toUpperCase()}${facts.ask.label.slice(1)}: this is the point, and it comes too late.`, `Move “${excerpt(email.body, ask, 40)}” to the first sentence after the greeting.`),
    ],
  );
};

const clearAsk: Adjust = (check, reading, facts, email) => {
  const missing: string[] = [];
  const findings: Finding[] = [];
  const anchor = email.sentences[0];
  if (!reading.ask) {
    missing.push(`the request itself (${facts.ask.label}) isn't there`);
    if (anchor) findings.push(finding('body', { start: anchor.start, end: anchor.start }, `${facts.reader} can't find the request: ${facts.ask.label}.`, `Ask for it in so many words, near the top.`));
  }
  if (facts.deadline && !reading.deadline) {
    missing.push(`the deadline, ${facts.deadline.label}, isn't in your email`);
    const at = reading.ask ?? anchor;
    if (at) findings.push(finding('body', reading.ask ?? { start: at.start, end: at.start }, `No deadline: ${facts.deadline.label}.`, `Add the date to your request: “… by ${facts.deadline.label}”.`));
  }
  if (missing.length > 0) {
    return checkResult('clear-ask', false, Math.min(check.score, 0.4), `Your request isn't complete yet: ${missing.join(', and ')}.`, [...findings, ...check.findings]);
  }
  if (check.passed) return check;
  const deadline = facts.deadline !== undefined;
  return checkResult('clear-ask', true, Math.max(check.score, 0.8), `${facts.reader} can tell what you need (${facts.ask.label})${deadline ? ` and by when (${facts.deadline?.label})` : ''}.`, check.findings);
};

const readerValue: Adjust = (check, reading, facts, email) => {
  if (reading.stake) {
    const message = `You tell ${facts.reader} what is in it for them: ${reading.stake.fact.label}.`;
    return checkResult('reader-value', true, Math.max(check.score, 0.85), message);
  }
  const first = facts.stakes[0];
  const label = first ? first.label : 'what is in it for them';
  const anchor = email.sentences.find((s) => s.ask) ?? email.sentences[0];
  return checkResult(
    'reader-value',
    false,
    Math.min(check.score, 0.35),
    `${possessive(facts.reader)} stake, ${label}, isn't in your email. Say what ${facts.reader} gains or avoids, in their terms, not only what you need.`,
    anchor ? [finding('body', anchor, `Nothing here says why this matters to ${facts.reader}.`, `Add one sentence on ${label}.`)] : [],
  );
};

const plainLanguage: Adjust = (check, reading, facts) => {
  if (reading.unexplained.length === 0) return check;
  const names = reading.unexplained.map((u) => `“${u.term.term}”`).join(', ');
  const findings = reading.unexplained.map((u) =>
    finding('body', u, `“${u.term.term}” is a term ${facts.reader} won't know.`, `Say it in plain words: ${u.term.means}.`),
  );
  const others = check.findings.filter((f) => !findings.some((g) => g.start === f.start));
  return checkResult(
    'plain-language',
    false,
    Math.min(check.score, 0.45),
    `${facts.reader} won't know ${names}: explain ${reading.unexplained.length > 1 ? 'them' : 'it'} in everyday words, or leave ${reading.unexplained.length > 1 ? 'them' : 'it'} out.`,
    [...findings, ...others],
  );
};

const ADJUSTMENTS: Partial<Record<CheckId, Adjust>> = {
  'main-point-first': mainPointFirst,
  'clear-ask': clearAsk,
  'reader-value': readerValue,
  'plain-language': plainLanguage,
};

/** The checks with the scenario's facts applied; checks without facts to apply are unchanged. */
export function applyScenarioFacts(checks: readonly CheckResult[], email: Email, facts: ScenarioFacts): CheckResult[] {
  const reading = readFacts(email, facts);
  return checks.map((check) => {
    const adjust = ADJUSTMENTS[check.id];
    // Where the facts decide, the result is built afresh (no "second look": the author's facts, not a fit).
    return adjust && check.applicable ? adjust(check, reading, facts, email) : check;
  });
}
