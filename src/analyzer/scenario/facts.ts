/**
 * Finds a scenario's facts in a rewrite: the ask (and whether the preview pane shows it), the
 * deadline, one of the reader's stakes, and the reader's unknown terms left unexplained.
 */
import { onTopicSentences, type AnalyzedSentence, type Email } from '../email.ts';
import type { Span } from '../text.ts';
import type { ScenarioFact, ScenarioFacts, ScenarioTerm } from '../types.ts';
import { normaliseWord, sameWord, tokenize, type Token } from './tokens.ts';

/** A phrasing compiled to slots; each slot lists the comparable forms that fill it. */
type Phrasing = readonly (readonly string[])[];

export interface FactMatch extends Span {
  fact: ScenarioFact;
  /** Index of the first sentence (among the on-topic sentences) the match touches. */
  sentence: number;
}

export interface UnexplainedTerm extends Span {
  term: ScenarioTerm;
}

export interface FactReading {
  ask: FactMatch | null;
  /** Whether the ask stands in the first two sentences, what a preview pane shows. */
  askInPreview: boolean;
  /** `undefined` when the scenario has no deadline. */
  deadline: FactMatch | null | undefined;
  stake: FactMatch | null;
  unexplained: UnexplainedTerm[];
}

const compiled = new Map<string, Phrasing>();

export function compilePhrasing(phrasing: string): Phrasing {
  let slots = compiled.get(phrasing);
  if (!slots) {
    slots = phrasing
      .split(/\s+/)
      .filter((slot) => slot.length > 0)
      .map((slot) => slot.split('|').flatMap((word) => tokenize(word).map((t) => t.norm)));
    compiled.set(phrasing, slots);
  }
  return slots;
}

/** Where every slot of the phrasing is filled by some token of `tokens`, or null. */
function matchPhrasing(tokens: readonly Token[], slots: Phrasing): Span | null {
  if (slots.length === 0) return null;
  let start = Infinity;
  let end = -1;
  for (const slot of slots) {
    const hit = tokens.find((t) => slot.some((form) => sameWord(t.norm, form)));
    if (!hit) return null;
    start = Math.min(start, hit.start);
    end = Math.max(end, hit.end);
  }
  return { start, end };
}

interface Window {
  tokens: Token[];
  sentence: number;
}

/** Each sentence alone, then each pair of neighbours (a stake often runs over two sentences). */
function windows(sentences: readonly AnalyzedSentence[], tokens: readonly Token[][]): Window[] {
  const out: Window[] = tokens.map((t, i) => ({ tokens: t, sentence: i }));
  for (let i = 0; i + 1 < tokens.length; i += 1) out.push({ tokens: [...(tokens[i] ?? []), ...(tokens[i + 1] ?? [])], sentence: i });
  return sentences.length > 0 ? out : [];
}

function findFact(fact: ScenarioFact, wins: readonly Window[]): FactMatch | null {
  let best: FactMatch | null = null;
  for (const phrasing of fact.any) {
    const slots = compilePhrasing(phrasing);
    for (const w of wins) {
      const span = matchPhrasing(w.tokens, slots);
      if (span && (!best || w.sentence < best.sentence)) best = { ...span, fact, sentence: w.sentence };
    }
  }
  return best;
}

/** A term is explained by its plain words nearby, or by brackets right after it. */
function findUnexplained(terms: readonly ScenarioTerm[], sentences: readonly AnalyzedSentence[], tokens: readonly Token[][]): UnexplainedTerm[] {
  const out: UnexplainedTerm[] = [];
  for (const term of terms) {
    const termSlots = term.term.split(/\s+/).map((w) => normaliseWord(w));
    const means = compilePhrasing(term.means);
    for (let i = 0; i < sentences.length; i += 1) {
      const own = tokens[i] ?? [];
      const at = findSequence(own, termSlots);
      if (!at) continue;
      const sentence = sentences[i];
      const after = sentence ? sentence.text.slice(at.end - sentence.start, at.end - sentence.start + 4) : '';
      const near = [...(tokens[i - 1] ?? []), ...own, ...(tokens[i + 1] ?? [])];
      const explained = /^\s*\(/.test(after) || matchPhrasing(near, means) !== null;
      if (!explained) out.push({ ...at, term });
      break; // judged on its first use
    }
  }
  return out;
}

/** The words of a term in order ("security groups"), exactly as written apart from case. */
function findSequence(tokens: readonly Token[], slots: readonly string[]): Span | null {
  for (let i = 0; i + slots.length <= tokens.length; i += 1) {
    if (slots.every((form, k) => tokens[i + k]?.norm === form)) {
      const first = tokens[i];
      const last = tokens[i + slots.length - 1];
      if (first && last) return { start: first.start, end: last.end };
    }
  }
  return null;
}

export function readFacts(email: Email, facts: ScenarioFacts): FactReading {
  const sentences = onTopicSentences(email);
  const tokens = sentences.map((s) => tokenize(s.text, s.start));
  const wins = windows(sentences, tokens);
  const ask = findFact(facts.ask, wins);
  // The preview pane: the first two of the writer's main sentences.
  const previewCount = sentences.filter((s) => s.region === 'main').slice(0, 2).length;
  const preview = [{ tokens: tokens.slice(0, previewCount).flat(), sentence: 0 }];
  const askInPreview = findFact(facts.ask, preview) !== null;
  const deadline = facts.deadline ? findFact(facts.deadline, wins) : undefined;
  let stake: FactMatch | null = null;
  for (const s of facts.stakes) {
    const m = findFact(s, wins);
    if (m && (!stake || m.sentence < stake.sentence)) stake = m;
  }
  return { ask, askInPreview, deadline, stake, unexplained: findUnexplained(facts.terms, sentences, tokens) };
}
