/** `courteous`: a greeting or thanks, requests not demands, no shouting, no blame. */
import type { Email } from '../email.ts';
import { findShouting, politenessFeatures, politenessFromFeatures, toneIssues, type ToneIssue } from '../politeness.ts';
import type { CheckResult, Finding } from '../types.ts';
import { sentenceWords } from '../text.ts';
import { checkResult, finding, type Features } from './result.ts';

export function checkCourteous(email: Email, f: Features = {}): CheckResult {
  const sentences = email.sentences;
  const perSentence = sentences.map((s) => toneIssues(s.text, s.start, sentenceWords(s)));
  const features = politenessFeatures(
    sentences.map((s) => s.text),
    perSentence,
  );
  const greeting = email.parts.greeting;
  const warmGreeting = greeting?.kind === 'warm';
  const thanks = email.parts.closingWarm || features.gratitude > 0;

  // Tone issues anywhere in the writer's text, the greeting and sign-off included.
  const issues: ToneIssue[] = [];
  for (const list of perSentence) issues.push(...list);
  if (greeting) {
    const g = email.text.slice(greeting.start, greeting.end);
    issues.push(...findShouting(g, greeting.start));
  }
  const rude = issues.filter((i) => i.kind === 'rude');
  const loud = issues.filter((i) => i.kind !== 'rude');

  const politeness = politenessFromFeatures(features);
  let score = politeness;
  score += warmGreeting ? 0.15 : greeting ? 0.05 : -0.1;
  score += thanks ? 0.1 : -0.1;
  if (!warmGreeting && !thanks) score -= 0.15;
  score = Math.max(0, Math.min(1, score));

  const findings: Finding[] = issues
    .sort((a, b) => a.start - b.start)
    .slice(0, 8)
    .map((i) => finding('body', i, `${capitalise(i.label)}.`, suggestionFor(i)));

  const cold = !greeting && !thanks && sentences.length > 0;
  f['politeness'] = politeness;
  f['warmGreeting'] = warmGreeting ? 1 : 0;
  f['greeting'] = greeting ? 1 : 0;
  f['thanks'] = thanks ? 1 : 0;
  f['rude'] = Math.min(rude.length, 3);
  f['loud'] = Math.min(loud.length, 3);
  f['cold'] = cold ? 1 : 0;
  // Contract v2, read literally: a greeting or thanks is part of the verdict, not a bonus.
  const failed = rude.length > 0 || loud.length >= 2 || cold || score < 0.45;
  if (cold) {
    const first = sentences[0];
    if (first) findings.push(finding('body', { start: first.start, end: first.start }, 'There is no greeting and no thanks; the email reads as curt.', 'Open with “Hi Sofia,” and close with “Thanks,”.'));
  }
  if (failed && findings.length === 0) {
    // Curt without any single offending phrase: point at the opening, where tone is set.
    const first = sentences[0];
    if (first) findings.push(finding('body', first, 'This opening reads as curt.', 'Add a greeting and a “please”, and thank the reader.'));
  }
  if (!failed) {
    const message = cold
      ? 'No demands or blame, but no greeting or thanks either: a “Hi” and a “Thanks” cost nothing and warm it up.'
      : 'Your tone is courteous: polite requests, no pressure or blame.';
    return checkResult('courteous', true, Math.max(score, 0.5), message, findings);
  }
  const reasons: string[] = [];
  if (rude.length > 0) reasons.push('phrases that read as pushy, sarcastic or blaming');
  if (loud.length > 0) reasons.push('shouting (capitals or repeated “!” / “?”)');
  if (cold) reasons.push('no greeting or thanks');
  if (reasons.length === 0) reasons.push('it reads as curt');
  return checkResult(
    'courteous',
    false,
    Math.min(score, 0.4),
    `The tone may put the reader on the defensive: ${reasons.join(', ')}. People help those who are polite to them; ask, don't demand, and leave blame out.`,
    findings,
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function suggestionFor(issue: ToneIssue): string {
  if (issue.kind === 'shouting') return 'Write it in normal case; if it matters, say why in words.';
  if (issue.kind === 'punctuation') return 'Use a single full stop or question mark.';
  return 'Drop it and state the request and its reason calmly.';
}

