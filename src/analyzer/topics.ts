/**
 * Topic shifts: where an email turns to a second, unrelated subject ("Also, separately…",
 * "While I have you…", a P.S. about the party), and round-ups that pack several subjects in.
 */
import { FURNITURE, STOPWORDS, stem } from './lists/stopwords.ts';
import type { Sentence } from './sentences.ts';
import { allMatches, sentenceWords, words, type Span, type Word } from './text.ts';
import { phrasePattern } from './lists/phrases.ts';
import { STRONG_SHIFT_PHRASES, ROUND_UP_OPENERS_PHRASES, ROUND_UP_PHRASES_PHRASES } from './lists/topics.ts';


export interface TopicShift extends Span {
  /** Indices of the sentences that belong to the second topic. */
  sentences: number[];
  marker: string;
  strength: 'strong' | 'weak';
}

const STRONG_SHIFT = phrasePattern(STRONG_SHIFT_PHRASES, 'i');
const WEAK_SHIFT = /^\s*(?:p\.?\s?s\.?|pps|also|additionally|furthermore|in\s+addition|moreover|and\s+(?:a\s+reminder|also|finally|don't\s+forget)|oh|finally,?\s+(?:a|don't)|reminder)\b/i;
const ROUND_UP_OPENERS = phrasePattern(ROUND_UP_OPENERS_PHRASES, 'i');
const ROUND_UP_PHRASES = phrasePattern(ROUND_UP_PHRASES_PHRASES, 'gi');

function contentStems(list: readonly Word[]): Set<string> {
  const out = new Set<string>();
  for (const w of list) {
    const lower = w.text.toLowerCase();
    if (lower.length < 3 || STOPWORDS.has(lower) || FURNITURE.has(lower) || /^\d+$/.test(lower)) continue;
    out.add(stem(lower));
  }
  return out;
}

export interface TopicReading {
  shifts: TopicShift[];
  roundUpCues: Span[];
}

export function findTopicShifts(subject: string, _text: string, sentences: readonly Sentence[]): TopicReading {
  const shifts: TopicShift[] = [];
  const taken = new Set<number>();
  // Stem counts over the subject and every sentence, so a passage can be compared with the rest
  // of the email in time proportional to the passage alone.
  const perSentence = sentences.map((s) => contentStems(sentenceWords(s)));
  const totals = new Map<string, number>();
  const add = (stems: Set<string>, by: number) => {
    for (const w of stems) totals.set(w, (totals.get(w) ?? 0) + by);
  };
  add(contentStems(words(subject)), 1);
  for (const stems of perSentence) add(stems, 1);

  for (let i = 1; i < sentences.length; i += 1) {
    const s = sentences[i];
    const prev = sentences[i - 1];
    if (!s || !prev || taken.has(i)) continue;
    const startsParagraph = s.paragraph !== prev.paragraph || s.region !== prev.region;
    const strong = STRONG_SHIFT.exec(s.text);
    const weak = strong ? null : WEAK_SHIFT.exec(s.text);
    if (!strong && !(weak && (startsParagraph || s.region === 'postscript'))) continue;
    // The second topic runs to the end of its paragraph.
    const members: number[] = [];
    for (let j = i; j < sentences.length && sentences[j]?.paragraph === s.paragraph && sentences[j]?.region === s.region; j += 1) {
      members.push(j);
    }
    const last = sentences[members[members.length - 1] ?? i] ?? s;
    if (!strong) {
      const here = new Map<string, number>();
      for (const k of members) for (const w of perSentence[k] ?? []) here.set(w, (here.get(w) ?? 0) + 1);
      let shared = 0;
      for (const [w, n] of here) if ((totals.get(w) ?? 0) - n > 0) shared += 1;
      const related = shared >= 2 || (here.size <= 4 && shared >= 1);
      if (related) continue;
    }
    for (const k of members) {
      taken.add(k);
      add(perSentence[k] ?? new Set(), -1);
    }
    shifts.push({
      start: s.start,
      end: last.end,
      sentences: members,
      marker: (strong ?? weak)?.[0].trim() ?? '',
      strength: strong ? 'strong' : 'weak',
    });
  }

  // A tacked-on last paragraph: it shares no topic word with the subject or the rest of the
  // email and says it is an extra ("The toner on floor 3 is low too, fyi.").
  const lastIndex = sentences.length - 1;
  const last = sentences[lastIndex];
  if (last && last.paragraph > 0 && !taken.has(lastIndex)) {
    const members: number[] = [];
    for (let k = lastIndex; k >= 0 && sentences[k]?.paragraph === last.paragraph && sentences[k]?.region === last.region; k -= 1) members.unshift(k);
    const here = new Map<string, number>();
    for (const k of members) for (const w of perSentence[k] ?? []) here.set(w, (here.get(w) ?? 0) + 1);
    let shared = 0;
    for (const [w, n] of here) if ((totals.get(w) ?? 0) - n > 0) shared += 1;
    const text = members.map((k) => sentences[k]?.text ?? '').join(' ');
    // Follow-on asks ("Just reply A or B") often share no words with the request either, so
    // only an explicit add-on word counts: "…is low too, fyi."
    const addOn = /\b(?:too|as\s+well)\b[,.!]*(?:\s*fyi)?[.!]*\s*$|\bfyi\b/i.test(text);
    const first = sentences[members[0] ?? 0];
    if (first && members.length <= 3 && here.size >= 3 && shared === 0 && addOn && !members.some((k) => sentences[k]?.listItem)) {
      for (const k of members) taken.add(k);
      shifts.push({ start: first.start, end: last.end, sentences: members, marker: '', strength: 'weak' });
    }
  }
  shifts.sort((a, b) => a.start - b.start);

  const roundUpCues: Span[] = [];
  for (const s of sentences) {
    const opener = ROUND_UP_OPENERS.exec(s.text);
    if (opener) roundUpCues.push({ start: s.start, end: s.start + opener[0].length });
    for (const m of allMatches(ROUND_UP_PHRASES, s.text)) {
      roundUpCues.push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
    }
  }
  return { shifts, roundUpCues };
}
