import type { CheckId } from '../analyzer/index.ts';
import type { UiStrings } from '../content/strings/index.ts';

/**
 * How one check looks wherever it is shown: its highlight. Its name is wording, in
 * lessons/ui/analysis.yaml (`checkNames`).
 */
export interface CheckAppearance {
  /** Default underline and icon colour: at least 3:1 against white and against `tint`. */
  color: string;
  /** Default highlight background: light enough that body text on it stays above 4.5:1. */
  tint: string;
  /** Underline style, so that colour is never the only cue that tells checks apart. */
  line: 'wavy' | 'double' | 'dashed' | 'dotted' | 'solid';
}

// Neighbouring checks differ in both hue and underline style; a `Record` keeps the table complete
// when the contract gains a check.
export const CHECK_APPEARANCE: Readonly<Record<CheckId, CheckAppearance>> = Object.freeze({
  subject: { color: '#1d4f91', tint: '#dde8f6', line: 'wavy' },
  'main-point-first': { color: '#8a4500', tint: '#fbe6cf', line: 'double' },
  'one-topic': { color: '#6a3d9a', tint: '#ece3f6', line: 'dashed' },
  'clear-ask': { color: '#a3262a', tint: '#f9dddd', line: 'solid' },
  'plain-language': { color: '#00676a', tint: '#d4efee', line: 'dotted' },
  'reader-value': { color: '#3d6114', tint: '#e5efd4', line: 'wavy' },
  concise: { color: '#555a63', tint: '#e7e9ec', line: 'dotted' },
  courteous: { color: '#a8106a', tint: '#f9dcea', line: 'double' },
  'follow-up': { color: '#735600', tint: '#f5ebc6', line: 'dashed' },
});

/** The check names of the `analysis` wording, keyed by check id. */
export type CheckNames = UiStrings['analysis']['checkNames'];

/** The check's name in plain words; an id the wording does not know reads as a sentence. */
export function checkLabel(id: string, names: CheckNames): string {
  const known = (names as Readonly<Record<string, string | undefined>>)[id];
  if (known) return known;
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
