import { css } from 'lit';

export const courseResultsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  p {
    margin: 0;
  }

  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 var(--_space-2);
    line-height: 1.3;
    color: var(--_text);
  }

  .results > :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1.5rem;
  }

  .improvement > :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1.25rem;
  }

  .results > * + * {
    margin-block-start: var(--_space-4);
  }

  .results > :is(h1, h2, h3, h4, h5, h6) + * {
    margin-block-start: 0;
  }

  .verdict {
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 6px solid var(--_state);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .verdict[data-verdict='passed'] {
    --_state: var(--_pass);
  }
  .verdict[data-verdict='not-passed'] {
    --_state: var(--_fail);
  }
  .verdict[data-verdict='pending'],
  .verdict[data-verdict='not-attempted'] {
    --_state: var(--_na);
  }

  .final-label {
    font-weight: 600;
    color: var(--_text-muted);
  }

  .final-score {
    font-size: 2rem;
    font-weight: 700;
    line-height: 1.2;
    color: var(--_brand);
    font-variant-numeric: tabular-nums;
  }

  .pass-mark {
    color: var(--_text-muted);
    margin-block-end: var(--_space);
  }

  .verdict-text {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
  }

  .verdict-text .icon {
    flex: none;
    color: var(--_state);
  }

  .verdict-text svg {
    display: block;
  }

  .verdict-word {
    color: var(--_state);
  }

  .journey {
    display: grid;
    gap: 0.375rem;
    margin-block-end: var(--_space);
    max-inline-size: 32rem;
  }

  .journey-row {
    display: grid;
    grid-template-columns: minmax(0, 9rem) minmax(0, 1fr) 2.5rem;
    align-items: center;
    gap: var(--_space);
    font-size: 0.9375rem;
  }

  .journey-value {
    text-align: end;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
    font-weight: 700;
    font-size: 1.125rem;
    padding-block-end: var(--_space);
  }

  th,
  td {
    padding: var(--_space) 0.75rem;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border-subtle);
    overflow-wrap: anywhere;
  }

  thead th {
    font-size: 0.9375rem;
    border-block-end: 2px solid var(--_border);
  }

  tbody th {
    font-weight: 600;
  }

  .mastered-icon {
    display: inline-block;
    inline-size: 1rem;
    margin-inline-end: 0.25rem;
    vertical-align: -0.125rem;
    color: var(--_pass);
  }

  .mastered-icon svg {
    display: block;
  }

  tr[data-mastered='yes'] .mastered {
    font-weight: 600;
  }

  .note {
    margin-block-start: var(--_space);
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  /*
   * Narrow screens: each skill becomes a small card, each value labelled with its column, so the
   * table never scrolls sideways. The labels are visual only (the column headers stay in the
   * accessibility tree), hence the empty alternative text after the slash.
   */
  .rewrites {
    margin-block-start: var(--_space-4);
  }
  .rewrite-columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    align-items: start;
  }
  .rewrite-column {
    display: grid;
    gap: var(--_space-2);
    min-inline-size: 0;
  }
  .rewrite-column > :is(h1, h2, h3, h4, h5, h6) {
    margin: 0;
    font-size: 1.0625rem;
  }
  .rewrite-score {
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
  .rewrite-checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_space-2);
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  /* Side by side where both have room: the first rewrite on the left, the last on the right. */
  @container (min-width: 44rem) {
    .rewrite-columns {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }

  @container (max-width: 34rem) {
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }

    caption {
      display: block;
    }

    tbody tr {
      padding-block: var(--_space);
      border-block-end: 1px solid var(--_border-subtle);
    }

    th,
    td {
      border: 0;
      padding: 0.125rem 0;
    }

    td {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 var(--_space);
    }

    td::before {
      content: attr(data-label);
      content: attr(data-label) / '';
      color: var(--_text-muted);
      font-weight: 400;
    }

    .journey-row {
      grid-template-columns: minmax(0, 1fr) 2.5rem;
    }

    .journey-row .bar {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }

  @media (forced-colors: active) {
    .verdict {
      border-inline-start-color: CanvasText;
    }
  }
`;
