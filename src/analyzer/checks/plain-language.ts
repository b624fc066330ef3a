/**
 * `plain-language`: a non-specialist understands it. No unexplained jargon or acronyms, no
 * needlessly formal words, no very long sentences. An acronym explained on first use passes.
 */
import { onTopicSentences, type Email } from '../email.ts';
import { EVERYDAY_ACRONYMS, JARGON_WORDS } from '../lists/jargon.ts';
import { PLAINER_WORDS } from '../lists/plain-words.ts';
import { SHOUTED_WORDS } from '../lists/tone.ts';
import { addressSpans, allMatches, countWords, lookup, sentenceWords, type Span } from '../text.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';

const LONG_SENTENCE = 30;
const VERY_LONG_SENTENCE = 40;
/** A sentence this long fails on its own; shorter long ones lower the score. */
const FAILING_SENTENCE = 50;

/** An acronym-shaped token: capitals (with digits), e.g. MFA, M365, SIEM, OEMConfig, VMs. */
const ACRONYM = /^(?:\p{Lu}{2,}\d*s?|\p{Lu}+\d+\p{Lu}*\d*|\p{Lu}\d+\p{Lu}+|\p{Lu}{3,}\p{Ll}+\p{Lu}?\p{Ll}*|\p{Lu}{2,}s)$/u;

const PHRASES = Object.keys(PLAINER_WORDS).filter((k) => k.includes(' '));
const PHRASE_RE = new RegExp(`\\b(?:${PHRASES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gi');

interface Term extends Span {
  text: string;
  kind: 'acronym' | 'jargon';
  plainer?: string;
}

/** Whether the acronym at `span` is spelled out or explained next to its first use. */
function explainedAt(text: string, span: Span, term: string): boolean {
  const after = text.slice(span.end, span.end + 120);
  const before = text.slice(Math.max(0, span.start - 80), span.start);
  // "MFA (multi-factor authentication)" / "the VPN (the app that …)"
  if (/^\s*\((?:[^)]*\s[^)]*)\)/.test(after)) return true;
  // "multi-factor authentication (MFA)" / "the customer database (CRM)"
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  // "MFA means …", "MFA is the …", "MFA, which …", "MFA stands for"
  if (/^\s*(?:means|is\s+(?:a|an|the|how|what|when)|stands\s+for|,\s*(?:which|that|short\s+for|i\.e\.|or)|\s*[—–-]\s*(?:a|an|the|short\s+for))\b/i.test(after)) return true;
  // An expansion whose initials spell the acronym just before it.
  const initials = before
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w))
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  const letters = term.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 2 && initials.endsWith(letters) && /\(\s*$/.test(before);
}

/**
 * Parentheses that explain an acronym: "MFA (multi-factor authentication)" (the whole span) or
 * "the customer database (CRM)" (the words before it, up to the start of the clause).
 */
function explanationSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open);
    if (close < 0 || close - open > 120) continue;
    const inside = text.slice(open + 1, close).trim();
    const before = text.slice(Math.max(0, open - 40), open);
    if (/\p{Lu}{2,}[\p{L}\d]*\s*$/u.test(before) && /\s/.test(inside)) {
      spans.push({ start: open, end: close + 1 });
    } else if (/^\p{Lu}{2,}[\p{L}\d]*$/u.test(inside)) {
      const clause = text.slice(Math.max(0, open - 80), open);
      const cut = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'), clause.lastIndexOf(':'));
      spans.push({ start: open - clause.length + cut + 1, end: close + 1 });
    }
  }
  return spans;
}

/**
 * Ordinary words typed in capitals ("SIGN IN AT THE FRONT DESK"): runs of three capitalised words,
 * or two of four letters or more with vowels in them, are shouting (judged by `courteous`), not
 * acronyms. Returns the start offsets of the words in such runs.
 */
const UPPER_START = /^\p{Lu}\p{Lu}/u;

// Most words start in lower case: rule them out before the fuller test.
function isCapsWord(w: { text: string }): boolean {
  return UPPER_START.test(w.text) && /^\p{Lu}{2,}(?:['’]s)?$/u.test(w.text);
}

function isWordy(w: { text: string }): boolean {
  return w.text.length >= 4 && /[AEIOU]/.test(w.text.slice(1, -1));
}

/** Marks the words of a run of capitals long enough to be shouting, not acronyms. */
function markRun(run: readonly { text: string; start: number }[], out: Set<number>): void {
  if (run.length >= 3 || (run.length === 2 && run.every(isWordy))) for (const w of run) out.add(w.start);
}

function shoutedRuns(list: readonly { text: string; start: number; end: number }[], text: string, offset: number): Set<number> {
  const out = new Set<number>();
  let run: { text: string; start: number; end: number }[] = [];
  for (const w of list) {
    const prev = run[run.length - 1];
    const gap = prev ? text.slice(prev.end - offset, w.start - offset) : '';
    if (isCapsWord(w) && (!prev || /^[\s,&/-]{1,3}$/.test(gap))) run.push(w);
    else {
      markRun(run, out);
      run = [];
      if (isCapsWord(w)) run.push(w);
    }
  }
  markRun(run, out);
  return out;
}

/** Whether the word (offsets in the email) lies within one of the spans (offsets in the sentence at `offset`). */
function inside(spans: readonly Span[], w: Span, offset: number): boolean {
  for (const a of spans) if (w.start - offset >= a.start && w.end - offset <= a.end) return true;
  return false;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function findTerms(email: Email, sentence: Span & { text: string }, explained: Set<string>, out: Term[]): void {
  const { text, start: offset } = sentence;
  const technical = email.audience === 'technical';
  const addresses = addressSpans(text);
  const explanations = explanationSpans(text);
  const list = sentenceWords(sentence);
  const shouted = shoutedRuns(list, text, offset);
  for (const w of list) {
    if (inside(addresses, w, offset) || shouted.has(w.start)) continue;
    // Words that explain an acronym are the cure, not the jargon.
    if (inside(explanations, w, offset) && !ACRONYM.test(w.text)) continue;
    const bare = w.text.endsWith("'s") || w.text.endsWith('’s') ? w.text.slice(0, -2) : w.text;
    const lower = bare.toLowerCase();
    const jargon = lookup(JARGON_WORDS, lower);
    if (jargon !== undefined) {
      if (!technical) out.push({ start: w.start, end: w.end, text: w.text, kind: 'jargon', plainer: jargon });
      continue;
    }
    const plainer = lookup(PLAINER_WORDS, lower);
    if (plainer !== undefined) {
      out.push({ start: w.start, end: w.end, text: w.text, kind: 'jargon', plainer });
      continue;
    }
    // Acronyms have two capitals or a capital and a digit; a word in plain ASCII lower case has neither.
    if (bare === lower && isAscii(bare)) continue;
    if (!/\p{Lu}[^]*\p{Lu}|\p{Lu}\d/u.test(bare)) continue;
    const upper = bare.toUpperCase();
    for (const part of bare.split(/[-/]/)) {
      if (!ACRONYM.test(part)) continue;
      const key = part.replace(/s$/, '').toUpperCase();
      if (EVERYDAY_ACRONYMS.has(key) || EVERYDAY_ACRONYMS.has(part.toUpperCase()) || SHOUTED_WORDS.has(upper)) continue;
      if (/^\p{Lu}{7,}$/u.test(part)) continue; // a shouted word, judged by `courteous`
      if (/^(?:[A-Z]\d{1,2}|\d+[A-Z]?|[A-Z]{1,2}-?\d{3,}[A-Z]?)$/.test(part)) continue; // sizes and codes: A4, Q3, C101, KB5039212
      if (explained.has(key)) continue;
      const local = { start: w.start - offset, end: w.end - offset };
      if (explainedAt(text, local, key)) {
        explained.add(key);
        continue;
      }
      explained.add(key); // flag only the first use
      out.push({ start: w.start, end: w.end, text: part, kind: 'acronym' });
    }
  }
  for (const m of allMatches(PHRASE_RE, text)) {
    const p = lookup(PLAINER_WORDS, m[0].toLowerCase());
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], kind: 'jargon', ...(p ? { plainer: p } : {}) });
  }
}

export function checkPlainLanguage(email: Email, f: Features = {}): CheckResult {
  const sentences = onTopicSentences(email);
  const terms: Term[] = [];
  const explained = new Set<string>();
  const longSentences: { span: Span; words: number }[] = [];
  for (const s of sentences) {
    findTerms(email, s, explained, terms);
    const n = countWords(s.text);
    if (n > LONG_SENTENCE && !s.listItem) longSentences.push({ span: s, words: n });
  }
  const acronyms = terms.filter((t) => t.kind === 'acronym');
  const jargon = terms.filter((t) => t.kind === 'jargon');
  const veryLong = longSentences.filter((l) => l.words > VERY_LONG_SENTENCE);

  const technical = email.audience === 'technical' ? 1 : 0;
  f['acronyms'] = Math.min(acronyms.length, 5) * (1 - technical);
  f['acronymsTechnical'] = Math.min(acronyms.length, 5) * technical;
  f['jargon'] = Math.min(jargon.length, 5);
  f['veryLong'] = Math.min(veryLong.length, 3);
  f['long'] = Math.min(longSentences.length - veryLong.length, 4);
  f['technical'] = technical;
  let score = 1;
  score -= (email.audience === 'technical' ? 0.1 : 0.2) * Math.min(4, acronyms.length);
  score -= 0.15 * Math.min(4, jargon.length);
  score -= 0.2 * Math.min(3, veryLong.length);
  score -= 0.1 * Math.min(3, longSentences.length - veryLong.length);
  // Contract v2: for a non-technical or unstated reader one unexplained acronym is enough to
  // fail; a technical reader knows their field's acronyms, so theirs are only noted.
  const acronymLimit = email.audience === 'technical' ? Infinity : 1;
  const failing = longSentences.filter((l) => l.words >= FAILING_SENTENCE);
  const failed =
    acronyms.length >= acronymLimit ||
    (email.audience !== 'technical' && acronyms.length + jargon.length >= 3) ||
    failing.length > 0 ||
    veryLong.length >= 3 ||
    (score < 0.45 && acronyms.length + jargon.length > 0);

  const findings: Finding[] = [];
  for (const t of acronyms.slice(0, 8)) {
    findings.push(finding('body', t, `“${t.text}” is never explained; a non-specialist may not know it.`, `Spell it out on first use, e.g. “${t.text} (…what it stands for…)”, or say what it does in everyday words.`));
  }
  for (const t of jargon.slice(0, 8)) {
    findings.push(
      finding('body', t, `“${t.text}” is jargon or needlessly formal for most readers.`, t.plainer ? `Try “${t.plainer}”.` : 'Use an everyday word.'),
    );
  }
  for (const l of longSentences.slice(0, 4)) {
    findings.push(finding('body', l.span, `This sentence is ${l.words} words long; readers lose the thread after about 25.`, 'Split it into two or three sentences.'));
  }
  if (!failed) {
    const message =
      findings.length === 0
        ? 'Your wording is plain: everyday words, short sentences, no unexplained jargon.'
        : 'Mostly plain language; the highlighted words or sentences could still be simpler.';
    return checkResult('plain-language', true, Math.max(score, 0.6), message, findings);
  }
  const reasons: string[] = [];
  if (acronyms.length > 0) reasons.push(`${acronyms.length} unexplained acronym${acronyms.length > 1 ? 's' : ''} (${acronyms.slice(0, 4).map((a) => a.text).join(', ')})`);
  if (jargon.length > 0) reasons.push(`${jargon.length} jargon or formal word${jargon.length > 1 ? 's' : ''} (${jargon.slice(0, 3).map((a) => a.text).join(', ')})`);
  if (veryLong.length > 0) reasons.push(`${veryLong.length} sentence${veryLong.length > 1 ? 's' : ''} over ${VERY_LONG_SENTENCE} words (longest ${Math.max(...veryLong.map((l) => l.words))})`);
  return checkResult(
    'plain-language',
    false,
    Math.min(score, 0.5),
    `A non-specialist would struggle here: ${reasons.join('; ')}. Readers who don't follow the jargon tend to ignore the email rather than ask.`,
    findings,
  );
}
