import type { CheckId } from '../analyzer/index.ts';

/** How one check looks wherever it is shown: its name in plain words and its highlight. */
export interface CheckAppearance {
  /** The check's name as a learner reads it. */
  label: string;
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
  subject: { label: 'Subject line', color: '#1d4f91', tint: '#dde8f6', line: 'wavy' },
  'main-point-first': { label: 'Main point first', color: '#8a4500', tint: '#fbe6cf', line: 'double' },
  'one-topic': { label: 'One topic', color: '#6a3d9a', tint: '#ece3f6', line: 'dashed' },
  'clear-ask': { label: 'Clear ask', color: '#a3262a', tint: '#f9dddd', line: 'solid' },
  'plain-language': { label: 'Plain language', color: '#00676a', tint: '#d4efee', line: 'dotted' },
  'reader-value': { label: 'Value to the reader', color: '#3d6114', tint: '#e5efd4', line: 'wavy' },
  concise: { label: 'Concise', color: '#555a63', tint: '#e7e9ec', line: 'dotted' },
  courteous: { label: 'Courteous', color: '#a8106a', tint: '#f9dcea', line: 'double' },
  'follow-up': { label: 'Follow-up', color: '#735600', tint: '#f5ebc6', line: 'dashed' },
});

/** The check's name in plain words; an id the table does not know reads as a sentence. */
export function checkLabel(id: string): string {
  const known = (CHECK_APPEARANCE as Readonly<Record<string, CheckAppearance | undefined>>)[id];
  if (known) return known.label;
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
