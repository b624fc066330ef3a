/**
 * Politeness of a piece of text, from published politeness strategies (see lists/tone.ts), and
 * the impolite spans a learner should see highlighted.
 */
import { EVERYDAY_ACRONYMS } from './lists/jargon.ts';
import {
  APOLOGY,
  CAN_WILL_YOU,
  COULD_WOULD_YOU,
  DEFERENCE,
  DIRECT_QUESTION,
  FACTUALITY,
  GRATITUDE,
  HEDGE,
  IMPOLITE_START,
  PLEASE,
  RUDE_MARKERS,
  SHOUTED_WORDS,
  WARM_WISH,
  YOU_START,
} from './lists/tone.ts';
import { allMatches, clamp01, isAllCaps, words, type Span, type Word } from './text.ts';

export interface ToneIssue extends Span {
  kind: 'rude' | 'shouting' | 'punctuation';
  label: string;
}

/** A run of three or more capitalised words is shouting. */
function shoutedRun(run: readonly Span[], issues: ToneIssue[]): void {
  if (run.length < 3) return;
  const first = run[0];
  const last = run[run.length - 1];
  if (first && last) issues.push({ start: first.start, end: last.end, kind: 'shouting', label: 'a run of capitals reads as shouting' });
}

/** Shouted words: ordinary words in capitals, or runs of three or more capitalised words. */
export function findShouting(text: string, offset = 0, list: readonly Word[] = words(text, offset)): ToneIssue[] {
  const issues: ToneIssue[] = [];
  let run: Span[] = [];
  for (const w of list) {
    // toUpperCase is locale-independent and cheap: most words fail this first test.
    const caps = w.text === w.text.toUpperCase() && isAllCaps(w.text) && !/\d/.test(w.text) && w.text.replace(/[^\p{L}]/gu, '').length >= 2;
    const letters = caps ? w.text.replace(/[^\p{L}]/gu, '') : '';
    if (!caps) {
      shoutedRun(run, issues);
      run = [];
      continue;
    }
    run.push(w);
    const upper = w.text.toUpperCase();
    if (!EVERYDAY_ACRONYMS.has(upper) && (SHOUTED_WORDS.has(upper) || letters.length >= 7)) {
      issues.push({ start: w.start, end: w.end, kind: 'shouting', label: `“${w.text}” in capitals reads as shouting` });
    }
  }
  shoutedRun(run, issues);
  return dedupe(issues);
}

const RUDE_GLOBAL = RUDE_MARKERS.map((marker) => ({ label: marker.label, re: new RegExp(marker.pattern.source, 'gi') }));

const REPEATED_MARKS = /[!?]{2,}|!\s*!/g;

export function findRudeness(text: string, offset = 0): ToneIssue[] {
  const issues: ToneIssue[] = [];
  for (const marker of RUDE_GLOBAL) {
    for (const m of allMatches(marker.re, text)) {
      issues.push({ start: offset + m.index, end: offset + m.index + m[0].length, kind: 'rude', label: marker.label });
    }
  }
  for (const m of allMatches(REPEATED_MARKS, text)) {
    issues.push({ start: offset + m.index, end: offset + m.index + m[0].length, kind: 'punctuation', label: 'repeated “!” or “?” reads as shouting or impatience' });
  }
  return issues;
}

function dedupe(issues: ToneIssue[]): ToneIssue[] {
  const sorted = [...issues].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ToneIssue[] = [];
  for (const issue of sorted) {
    const prev = out[out.length - 1];
    if (prev && issue.start < prev.end) continue;
    out.push(issue);
  }
  return out;
}

export interface PolitenessFeatures {
  gratitude: number;
  apology: number;
  deference: number;
  hedges: number;
  couldWouldYou: number;
  canWillYou: number;
  please: number;
  warmWish: number;
  impoliteStart: number;
  factuality: number;
  directQuestion: number;
  youStart: number;
  rude: number;
  shouting: number;
  punctuation: number;
}

/** Tone issues of one sentence: rudeness, shouting and repeated punctuation; `list` is its words when the caller has them (sentenceWords). */
export function toneIssues(text: string, offset = 0, list?: readonly Word[]): ToneIssue[] {
  return [...findRudeness(text, offset), ...findShouting(text, offset, list)];
}

/**
 * Counts the politeness strategies in each sentence. `issues` may hold each sentence's tone
 * issues when the caller has them already.
 */
export function politenessFeatures(sentences: readonly string[], issues?: readonly (readonly ToneIssue[])[]): PolitenessFeatures {
  const f: PolitenessFeatures = {
    gratitude: 0,
    apology: 0,
    deference: 0,
    hedges: 0,
    couldWouldYou: 0,
    canWillYou: 0,
    please: 0,
    warmWish: 0,
    impoliteStart: 0,
    factuality: 0,
    directQuestion: 0,
    youStart: 0,
    rude: 0,
    shouting: 0,
    punctuation: 0,
  };
  sentences.forEach((s, i) => {
    if (GRATITUDE.test(s)) f.gratitude += 1;
    if (APOLOGY.test(s)) f.apology += 1;
    if (DEFERENCE.test(s)) f.deference += 1;
    if (HEDGE.test(s)) f.hedges += 1;
    if (COULD_WOULD_YOU.test(s)) f.couldWouldYou += 1;
    else if (CAN_WILL_YOU.test(s)) f.canWillYou += 1;
    if (PLEASE.test(s)) f.please += 1;
    if (WARM_WISH.test(s)) f.warmWish += 1;
    if (IMPOLITE_START.test(s)) f.impoliteStart += 1;
    if (FACTUALITY.test(s)) f.factuality += 1;
    if (DIRECT_QUESTION.test(s)) f.directQuestion += 1;
    if (YOU_START.test(s)) f.youStart += 1;
    for (const issue of issues?.[i] ?? toneIssues(s)) f[issue.kind] += 1;
  });
  return f;
}

/**
 * A 0–1 politeness score: 0.5 is neutral; polite strategies raise it, impolite ones lower it.
 * Each strategy counts once per text (saturating), so long texts are not rewarded for length.
 */
export function politenessFromFeatures(f: PolitenessFeatures): number {
  const has = (n: number) => (n > 0 ? 1 : 0);
  let z = 0;
  z += 0.9 * has(f.gratitude);
  z += 0.5 * has(f.apology);
  z += 0.6 * has(f.deference);
  z += 0.45 * Math.min(2, f.hedges);
  z += 0.6 * has(f.couldWouldYou);
  z += 0.2 * has(f.canWillYou);
  z += 0.3 * has(f.please);
  z += 0.4 * has(f.warmWish);
  z -= 0.45 * has(f.impoliteStart);
  z -= 0.35 * has(f.factuality);
  z -= 0.6 * has(f.directQuestion);
  z -= 0.4 * has(f.youStart);
  z -= 1.2 * Math.min(3, f.rude);
  z -= 0.5 * Math.min(4, f.shouting);
  z -= 0.6 * Math.min(2, f.punctuation);
  return clamp01(1 / (1 + Math.exp(-z)));
}

/** Splits a short text into rough sentences for scoring on its own. */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0);
}

/** 0–1 politeness of a short text (such as a one-sentence request). */
export function politenessScore(text: string): number {
  if (typeof text !== 'string' || text.trim().length === 0) return 0.5;
  return politenessFromFeatures(politenessFeatures(roughSentences(text.slice(0, 20_000))));
}
