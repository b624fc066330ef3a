/**
 * Fitted verdicts: each check's rules measure features (and find the words to highlight); a
 * logistic regression per check, fitted on labelled emails by `npm run train` into
 * verdict-weights.json, turns those features into the pass/fail a careful reader would give.
 * A probability within `margin` of 0.5 is reported as worth a second look.
 */
import type { Features } from './checks/result.ts';
import weights from './verdict-weights.json' with { type: 'json' };
import type { CheckId, CheckResult } from './types.ts';

export interface CheckModel {
  features: string[];
  /** Standardisation fitted on the training set: x' = (x − mean) / scale. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface VerdictModel {
  /** Half-width of the band around 0.5 where a verdict is flagged as uncertain. */
  margin: number;
  checks: Partial<Record<CheckId, CheckModel>>;
}

const MODEL: VerdictModel = weights as VerdictModel;

/** The rule's own verdict and score are features too: the fit decides how far to trust them. */
export function featureValue(name: string, features: Features, rule: CheckResult): number {
  if (name === 'rule') return rule.passed ? 1 : 0;
  if (name === 'ruleScore') return rule.score;
  return features[name] ?? 0;
}

export function passProbability(model: CheckModel, features: Features, rule: CheckResult): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    const scale = model.scale[i] ?? 1;
    z += (model.weights[i] ?? 0) * ((featureValue(name, features, rule) - (model.mean[i] ?? 0)) / (scale === 0 ? 1 : scale));
  });
  return 1 / (1 + Math.exp(-z));
}

const SECOND_LOOK = ' This one is close to the line: worth a second look.';

/** What to say when the fitted verdict overrules the rule's, which had no words for it. */
const OVERRULED: Readonly<Record<CheckId, { pass: string; fail: string }>> = {
  subject: {
    pass: 'Your subject tells the reader what the email is about.',
    fail: 'Your subject may not tell a busy reader enough: name the topic and, if they must act, the action or the date.',
  },
  'main-point-first': {
    pass: 'Your main point comes early enough for the preview pane.',
    fail: 'Your main point may not be in the first two sentences, which is all a preview pane shows: put the request or news first.',
  },
  'one-topic': {
    pass: 'Your email reads as being about one topic.',
    fail: 'This email may cover more than one topic; readers act on one thing per email, so send the other separately.',
  },
  'clear-ask': {
    pass: 'The reader can tell what you need from them.',
    fail: 'The reader may not be able to tell exactly what you need and by when: state the request and a date.',
  },
  'plain-language': {
    pass: 'Your wording should be clear to this reader.',
    fail: 'Some words here may lose a non-specialist reader: explain or replace the jargon, and keep sentences short.',
  },
  'reader-value': {
    pass: 'The email gives the reader a reason of their own to act.',
    fail: 'It is not clear what is in this for the reader: say what they, their team or their customers gain or avoid.',
  },
  concise: {
    pass: 'The email is a reasonable length for its job.',
    fail: 'This may be longer than its job needs: cut background and padding, and keep paragraphs short.',
  },
  courteous: {
    pass: 'Your tone is polite enough.',
    fail: 'The tone may come across as curt or pushy: greet the reader, ask rather than demand, and thank them.',
  },
  'follow-up': {
    pass: 'The follow-up recalls the earlier message and restates what you need.',
    fail: 'This follow-up may not get a reply: recall the earlier email, restate the ask with a new date, and make answering easy.',
  },
};

/** Passes the contract's own words settle, which no fit may overrule. */
const SETTLED_PASS: Partial<Record<CheckId, (features: Features) => boolean>> = {
  // The request stands in the first two sentences, after at most one pleasantry.
  'main-point-first': (f) => f['askLate'] === 0 && f['noAsk'] === 0 && (f['lead'] ?? 0) <= 1,
  // Within the word limit for its kind, with no wall of text and no padding.
  concise: (f) => (f['ratio'] ?? 0) <= 1 && f['walls'] === 0 && f['fillers'] === 0,
};

/** Failures the contract names outright (its "typical failures"), which no fit may overrule. */
const SETTLED_FAIL: Partial<Record<CheckId, (features: Features) => boolean>> = {
  // Empty, in capitals, over about ten words, or "!!!".
  subject: (f) => f['empty'] === 1 || f['capitals'] === 1 || f['tooLong'] === 1 || f['alarm'] === 1,
};

/** The check's result with the fitted verdict; findings stay the rule's. */
export function decideVerdict(rule: CheckResult, features: Features, model: VerdictModel = MODEL): CheckResult {
  const fitted = model.checks[rule.id];
  if (!rule.applicable || !fitted) return rule;
  if (rule.passed ? SETTLED_PASS[rule.id]?.(features) : SETTLED_FAIL[rule.id]?.(features)) return rule;
  const p = passProbability(fitted, features, rule);
  const uncertain = Math.abs(p - 0.5) < model.margin;
  // Close to the line, the fit has no confident word to say: the rule's verdict stands, flagged.
  const passed = uncertain ? rule.passed : p >= 0.5;
  const message = passed === rule.passed ? rule.message : OVERRULED[rule.id][passed ? 'pass' : 'fail'];
  // Keep the grade on the right side of the verdict, so the overall score agrees with it.
  const score = passed ? Math.max(rule.score, 0.6) : Math.min(rule.score, 0.5);
  const result: CheckResult = { ...rule, passed, score, message: uncertain ? `${message}${SECOND_LOOK}` : message };
  if (uncertain) result.uncertain = true;
  return result;
}
