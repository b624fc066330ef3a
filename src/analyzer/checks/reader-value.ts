/**
 * `reader-value`: says why this matters to the reader, in the reader's terms (their team,
 * targets, risk, time, money), not only what the sender needs.
 */
import { onTopicSentences, type Email } from '../email.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';

/** A benefit, a cost avoided or a risk named: what the reader gains or stands to lose. */
const BENEFIT_OR_RISK =
  /\b(?:sav(?:e|es|ed|ing|ings)|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?|(?<!keep\s)fix(?:es|ed|ing)?\s+(?:the|your|a|an|those|these|it|them)|no\s+more|fewer|less\s+time|faster|quicker|won'?t\s+be\s+able|can'?t\s+be\s+used|unable\s+to|los(?:e|es|ing|t|s)|at\s+risk|risks?|exposed|exposure|breach(?:es)?|stolen|leak(?:ed|s)?|fined|fines|a\s+fine\b|penalt(?:y|ies)|lapses?|expire[sd]?|(?:price|cost|premium|rate)s?\s+(?:go(?:es)?|rise|rises|will\s+go)\s+up|price\s+rise|complaints?|improvements?|(?<!\b(?:to|must|should|please|and|you)\s)stops?\s+\w+ing|problems?\s+for|in\s+your\s+name|so\s+nobody|so\s+no\s+one|day\s+off|skipped|freez(?:e|es|ing)|double-counting|dead\s+spots|delay(?:s|ed|ing)?\s+(?:your|their|the|his|her)|unlock(?:s|ed)?|(?:cut|cuts|reduce[sd]?|lift(?:s|ed)?|boost(?:s|ed)?|increase[sd]?|improve[sd]?|rais(?:e|es|ed))\s+(?:\w+\s+){0,3}(?:by\s+)?\d+\s?%|sold\s+out|keeps?\s+(?:us|you|your\s+\w+|our\s+\w+)\s+(?:on|in|within|safe|running|compliant|covered|insured|open|up)\b|(?:this|which|that|it)\s+(?:ends|removes|eliminates|frees\s+up)\b|(?:no|won'?t\s+have\s+(?:a|any))\s+(?:\w+\s+){0,2}(?:queue|queues|wait|waiting|delay|delays|backlog|downtime|disruption|outage|charges?|surprises?|scramble)\b|extra\s+charges?|(?:cuts?|reduces?|lowers?)\s+(?:the|your|our)\s+(?:bill|costs?|price|spend)|[£$€][\d,.]+k?\s*(?:a|per)\s+(?:year|month|week)|waiting\s+(?:a|an|\d+|two|three|several)\s+(?:\w+\s+)?(?:days?|weeks?|hours?)|spends?\s+(?:about\s+|around\s+|nearly\s+|over\s+)?(?:\w+\s+){0,2}(?:hours?|days?|weeks?)\s+(?:a|per|each|every)\s+(?:day|week|month|year)|means?\s+(?:that\s+)?(?:nobody|no\s+one|everyone|fewer|less|more\s+time)|(?:have|had)\s+to\s+cancel|cancell?ed|off\s+in\s+lieu|idle|won'?t\s+(?:arrive|be\s+ready|be\s+in\s+place|work|be\s+there)|stop\s+working|miss(?:es|ed)?\s+(?:the|their|your|its)\s+(?:\w+\s+)?(?:deadline|start|window|slot|run|date)|matters?\s+(?:to\s+you\s+)?because|matters?\s+to\s+(?:you|your|both|all|everyone|the\s+team|our\s+teams?)|held\s+up|(?:deliveries|orders|payments|invoices|shipments|payroll|pay|parcels)\s+(?:\w+\s+){0,3}late\b|stopped\s+(?:the|our|your)\b|through\s+a\s+(?:power\s+cut|outage|strike|breakdown)|your\s+(?:\w+\s+){0,2}(?:can|could|will\s+be\s+able\s+to)\s+(?:now\s+)?(?:log|start|get|see|use|find|work|reach|keep|stop|avoid|save|plan|book)|keeps?\s+(?:our|your|the)\s+(?:\w+\s+)?(?:premium|price|prices|costs?|rate|cover|insurance|licen[cs]e|accreditation|rating|certificate)|(?:seconds|minutes|hours|days)\s+(?:instead\s+of|rather\s+than)\s+(?:minutes|hours|days|weeks)|flaw|vulnerab\w*|attack(?:s|ers)?|hack(?:ed|ers)?|(?:your|their)\s+(?:team'?s\s+)?(?:\w+\s+){0,2}(?:target|targets|bonus|pay|rise|budget|costs?|customers|deadline|backlog|queue)|(?:well\s+)?worth\s+(?:it|the|your|every|ten|\d+)|off\s+(?:work|sick))\b/i;

/** Weaker signs of value that count only when the sentence is about the reader or their people. */
const CONSEQUENCE =
  /\b(?:instead\s+of|rather\s+than|(?:this|that|which)\s+means|means?\s+(?:that\s+)?(?:you|your|the|any|one|no|fewer|less|we)|in\s+practice|once\s+(?:it'?s|this\s+is|live|done|the)|without\s+(?:that|this|it)|(?:could|would|might|will|'ll|'d)\s+(?:lose|miss|fail|stop|let|still|reach|see|get|save|keep)|(?:won'?t|will\s+not)\s+(?:receive|get|have|need|be\s+(?:asked|pulled|chased|called))|lets?\s+(?:you|your|directors|staff|us|the\s+team|them)|(?:keeps?|keeping)\s+(?:you|your|us|the|our)|benefits?|on\s+time|unchanged|stays?\s+the\s+same|so\s+(?:that\s+)?(?:you|your|customers|staff|the\s+team)|so\s+there'?s\s+no|(?:should|will|would|could)\s+(?:cut|reduce|ease|speed|shorten|halve|improve|help))\b/i;
const ABOUT_THE_READER =
  /\b(?:you|your|yours|you'?ll|you'?re|you'?d|customers?|clients?|staff|colleagues|everyone|your\s+team|directors|residents|patients|students|visitors|pickers|reps|drivers|users|whoever|starters|employees|managers|members|people)\b/i;

/** A consequence for the reader: "…which would push your install past the cut-off". */
const CONSEQUENCE_FOR_READER = /\b(?:would|which\s+would|without)\b[^.?!]{0,80}\byour\b|\bif\b[^.?!]{0,80},[^.?!]{0,80}\byour\b/i;

/** What the sender or their department needs, with nothing in it for the reader. */
const SENDER_AGENDA =
  /\b(?:it|finance|hr|we|i|my\s+team|our\s+team|the\s+project)\s+(?:needs?|requires?|wants?)\s+(?:this|it|these|the)\b|\bour\s+project\s+(?:plan\s+)?requires\b|\bmy\s+team'?s\s+(?:objectives|targets|kpis)\b|\bfor\s+our\s+(?:\w+\s+)?(?:project|records|audit|process)\b|\bin\s+order\s+to\s+facilitate\b|\b(?:my|our)\s+(?:manager|boss|director|head\s+office)\s+(?:is|are)\s+(?:keen|pushing|asking)\b|\bclos(?:e|es|ing)\s+our\s+(?:quarter|books|year|month)\b|\bon\s+our\s+side\b/i;


/** "Why: …" or "The reason: …" introduces the reader's reason to act. */
const WHY_LABEL = /(?:^|\n)\s*(?:why|the\s+reason|what\s+this\s+means\s+for\s+you|what'?s\s+in\s+it\s+for\s+you)\s*[:?]/i;

function showsValue(text: string): boolean {
  if (/\bhas\s+to\s+stop\b/i.test(text)) return false;
  return (
    BENEFIT_OR_RISK.test(text) ||
    (CONSEQUENCE.test(text) && ABOUT_THE_READER.test(text)) ||
    CONSEQUENCE_FOR_READER.test(text) ||
    WHY_LABEL.test(text)
  );
}

export function checkReaderValue(email: Email, f: Features = {}): CheckResult {
  const sentences = onTopicSentences(email);
  const withValue = sentences.filter((s) => showsValue(s.text) && s.ask !== 'conditional');
  const agenda = sentences.filter((s) => SENDER_AGENDA.test(s.text));
  const aboutReader = sentences.filter((s) => /\b(?:you|your|you'?ll|you'?re|yours)\b/i.test(s.text)).length;
  f['withValue'] = Math.min(withValue.length, 3);
  f['agenda'] = Math.min(agenda.length, 2);
  f['aboutReader'] = sentences.length > 0 ? aboutReader / sentences.length : 0;
  f['sentences'] = Math.min(sentences.length, 12) / 12;
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
