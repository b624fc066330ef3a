/**
 * `reader-value`: says why this matters to the reader, in the reader's terms (their team,
 * targets, risk, time, money), not only what the sender needs.
 */
import { onTopicSentences, type Email } from '../email.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding } from './result.ts';

/** A benefit, a cost avoided or a risk named: what the reader gains or stands to lose. */
const VALUE =
  /\b(?:sav(?:e|es|ed|ing|ings)|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?|(?<!keep\s)fix(?:es|ed|ing)?\s+(?:the|your|a|an|those|these|it|them)|no\s+more|fewer|less\s+time|instead\s+of|faster|quicker|easier|on\s+time|won'?t\s+be\s+able|can'?t\s+be\s+used|unable\s+to|(?:could|would|might|will)\s+(?:lose|miss|fail|stop|let|still|reach|see|get|save|keep)|lose|lost|loss|at\s+risk|risks?|exposed|exposure|breach(?:es)?|stolen|leak(?:ed|s)?|fined|fines|a\s+fine\b|penalt(?:y|ies)|lapses?|expire[sd]?|(?:price|cost|premium|rate)s?\s+(?:go(?:es)?|rise|rises|will\s+go)\s+up|price\s+rise|complaints?|improvements?|benefits?|means?\s+(?:that\s+)?(?:you|your|the|any|one|no|fewer|less|we)|(?:this|that|which)\s+means|in\s+practice|so\s+(?:that\s+)?(?:you|your|nobody|no\s+one|customers|staff|the\s+team)|so\s+there'?s\s+no|lets?\s+(?:you|your|directors|staff|us|the\s+team|them)|(?:keeps?|keeping)\s+(?:you|your|us|the|our)|(?<!\b(?:to|must|should|please|and|you)\s)stops?\s+\w+ing|will\s+stop|problems?\s+for|why:|once\s+(?:it'?s|this\s+is|live|done|the)|without\s+(?:that|this|it)|day\s+off|skipped|in\s+your\s+name|freez(?:e|es|ing)|double-counting|dead\s+spots)\b/i;

/** What the sender or their department needs, with nothing in it for the reader. */
const SENDER_AGENDA =
  /\b(?:it|finance|hr|we|i|my\s+team|our\s+team|the\s+project)\s+(?:needs?|requires?|wants?)\s+(?:this|it|these|the)\b|\bour\s+project\s+(?:plan\s+)?requires\b|\bmy\s+team'?s\s+(?:objectives|targets|kpis)\b|\bfor\s+our\s+(?:\w+\s+)?(?:project|records|audit|process)\b|\bin\s+order\s+to\s+facilitate\b/i;

/** A consequence for the reader: "…which would push your install past the cut-off". */
const CONSEQUENCE_FOR_READER = /\b(?:if|would|which\s+would|otherwise|so\s+that|unless|without)\b[^.?!]*\b(?:you|your)\b/i;

function showsValue(text: string): boolean {
  if (/\bhas\s+to\s+stop\b/i.test(text)) return false;
  return VALUE.test(text) || CONSEQUENCE_FOR_READER.test(text);
}

export function checkReaderValue(email: Email): CheckResult {
  const sentences = onTopicSentences(email);
  const withValue = sentences.filter((s) => showsValue(s.text) && s.ask !== 'conditional');
  const agenda = sentences.filter((s) => SENDER_AGENDA.test(s.text));
  const findings: Finding[] = [];
  if (withValue.length > 0) {
    const score = agenda.length > 0 ? 0.8 : withValue.length > 1 ? 1 : 0.9;
    return checkResult('reader-value', true, score, 'You tell the reader what is in it for them: a benefit, a saving or a risk in their terms.');
  }
  for (const s of agenda.slice(0, 3)) {
    findings.push(
      finding('body', s, 'This explains what you or your team need, not why it matters to the reader.', 'Reframe it around them: what do they, their team or their targets gain, or risk, if they act?'),
    );
  }
  const anchor = sentences.find((s) => s.ask && s.ask !== 'conditional') ?? sentences[0];
  if (findings.length === 0 && anchor) {
    findings.push(
      finding('body', anchor, 'Nothing here says why this matters to the reader.', 'Add one sentence on what they gain or avoid: time, money, risk, their team or their customers.'),
    );
  }
  return checkResult(
    'reader-value',
    false,
    agenda.length > 0 ? 0.2 : 0.3,
    'The email says what is needed but not why it matters to the reader. People act on what affects their own team, targets, time or risk: say what they gain or avoid.',
    findings,
  );
}
