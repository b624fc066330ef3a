import { css } from 'lit';

export const rewriteExerciseStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  p {
    margin: 0;
  }

  :is(h1, h2, h3, h4, h5, h6) {
    margin: 0 0 var(--_space-2);
    line-height: 1.3;
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .title {
    font-size: 1.5rem;
  }

  .panel > :is(h1, h2, h3, h4, h5, h6),
  .situation > :is(h1, h2, h3, h4, h5, h6),
  .outcome > :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1.25rem;
  }

  :is(.feedback, .takeaway) :is(h3, h4, h5, h6):not(.phase-heading) {
    font-size: 1.0625rem;
    margin-block: var(--_space-3) var(--_space);
  }

  .takeaway > :is(h1, h2, h3, h4, h5, h6) {
    margin-block-start: 0;
  }

  .exercise > * + * {
    margin-block-start: var(--_space-3);
  }

  .exercise > .title + * {
    margin-block-start: 0;
  }

  .brief,
  .workspace,
  .compare {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    align-items: start;
  }

  .side {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    min-inline-size: 0;
  }

  .panel,
  .situation {
    box-sizing: border-box;
    min-inline-size: 0;
    padding: var(--_space-2);
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  dl {
    margin: 0;
    display: grid;
    gap: var(--_space);
  }

  dt {
    font-weight: 600;
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  dd {
    margin: 0;
    unicode-bidi: plaintext;
  }

  .intro {
    max-inline-size: 68ch;
  }

  .attempt {
    margin-block: calc(var(--_space) * -1) var(--_space-2);
    color: var(--_text-muted);
    font-weight: 600;
  }

  .note,
  .empty {
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  .live .note {
    margin-block-end: var(--_space-2);
  }

  .notice {
    padding: var(--_space) var(--_space-2);
    background: var(--_notice-surface);
    color: var(--_notice);
    border-inline-start: 4px solid var(--_fail);
    border-radius: var(--_radius);
  }

  .live-score {
    font-weight: 600;
  }


  .hints ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }

  .hints li {
    padding: var(--_space) var(--_space-2);
    background: var(--_notice-surface);
    color: var(--_notice);
    border-inline-start: 4px solid var(--_brand);
    border-radius: var(--_radius);
  }

  .hint-label {
    font-weight: 700;
  }

  .verdict {
    padding: var(--_space-2);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 6px solid var(--_state);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [data-state='passed'] {
    --_state: var(--_pass);
  }
  [data-state='failed'] {
    --_state: var(--_fail);
  }
  [data-state='not-applicable'],
  [data-state='unknown'] {
    --_state: var(--_na);
  }

  .verdict-score {
    font-weight: 700;
    font-size: 1.125rem;
  }

  .verdict-text {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }

  .icon {
    flex: none;
    color: var(--_state);
    padding-block-start: 0.125rem;
  }

  .icon svg {
    display: block;
  }

  /* The shared bar, with room for the pass mark to stand out of it. */
  .score-bar {
    position: relative;
    margin-block: var(--_space);
    overflow: visible;
  }

  /* The pass mark: a tall tick across the bar. */
  .score-bar .pass-mark {
    position: absolute;
    inset-block: -0.25rem;
    inline-size: 3px;
    margin-inline-start: -1px;
    background: var(--_text);
    border-radius: 1px;
  }

  .rubric,
  .changes {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .rubric-check {
    display: grid;
    grid-template-columns: 1.25rem minmax(0, 1fr);
    column-gap: 0.75rem;
    padding-block: var(--_space);
    border-block-end: 1px solid var(--_border-subtle);
  }

  .rubric-check:last-child {
    border-block-end: 0;
  }

  .rubric-title {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    align-items: baseline;
  }

  .rubric-name {
    font-weight: 600;
  }

  .rubric-title .state {
    color: var(--_state);
    font-weight: 600;
  }

  .rubric-score {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }

  .message {
    font-size: 0.9375rem;
  }

  .findings {
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.9375rem;
  }
  .finding {
    margin-block-start: var(--_space);
    padding-inline-start: var(--_space-2);
    border-inline-start: 3px solid var(--_border);
  }
  .finding p {
    margin: 0;
  }
  .finding .where,
  .finding .try {
    font-weight: 600;
  }
  .finding .quote {
    overflow-wrap: anywhere;
  }

  .changes {
    margin-block-start: var(--_space);
    display: grid;
    gap: 0.25rem;
  }

  .changes li {
    display: flex;
    gap: var(--_space);
  }

  .arrow {
    flex: none;
    inline-size: 1rem;
    text-align: center;
  }

  [data-direction='up'] .arrow {
    color: var(--_pass);
  }
  [data-direction='down'] .arrow {
    color: var(--_fail);
  }

  .attempts-left {
    margin-block-start: var(--_space-3);
    font-weight: 600;
  }

  .outcome .improvement,
  .outcome .intro {
    margin-block: var(--_space-2);
  }

  .exhausted .compare {
    margin-block-end: var(--_space-3);
  }

  .takeaway p + p {
    margin-block-start: var(--_space);
  }

  .focus {
    font-weight: 600;
  }

  @container (min-width: 36rem) {
    .panel,
    .situation {
      padding: var(--_space-3);
    }
    .title {
      font-size: 1.75rem;
    }
  }

  /* Side by side only where both columns have room; otherwise they stack in reading order. */
  @container (min-width: 48rem) {
    .brief,
    .compare {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  @container (min-width: 60rem) {
    .workspace {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }

  @media (forced-colors: active) {
    .verdict {
      border-inline-start-color: CanvasText;
    }
    .score-bar .pass-mark {
      background: CanvasText;
    }
  }
`;
