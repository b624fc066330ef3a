import { css } from 'lit';

export const checkListStyles = css`
  :host {
    display: block;
  }

  p {
    margin: 0;
  }

  .empty {
    color: var(--_text-muted);
  }

  .checks,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .check {
    display: grid;
    grid-template-columns: 1.25rem minmax(0, 1fr);
    column-gap: 0.75rem;
    padding-block: var(--_space-2);
    border-block-end: 1px solid var(--_border-subtle);
    overflow-wrap: anywhere;
  }

  .check:first-child {
    padding-block-start: 0;
  }

  .check:last-child {
    border-block-end: 0;
    padding-block-end: 0;
  }

  .check[data-state='passed'] {
    --_state: var(--_pass);
  }
  .check[data-state='failed'] {
    --_state: var(--_fail);
  }
  .check[data-state='not-applicable'] {
    --_state: var(--_na);
  }

  .icon {
    color: var(--_state);
    padding-block-start: 0.125rem;
  }

  .icon svg {
    display: block;
  }

  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem var(--_space);
  }

  .name {
    font-weight: 600;
    font-size: 1rem;
  }

  /* A sample of the check's highlight: the key to the marks in the editor. */
  .key {
    font-size: 0.8125rem;
    line-height: 1.2;
    padding-inline: 0.25rem;
    color: var(--_text);
    background: var(--_check-tint);
    border-radius: 2px;
    text-decoration-line: underline;
    text-decoration-style: var(--_check-line);
    text-decoration-color: var(--_check);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
    text-decoration-skip-ink: none;
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    font-size: 0.9375rem;
  }

  .state {
    color: var(--_state);
    font-weight: 600;
  }

  .check[data-state='not-applicable'] .name,
  .check[data-state='not-applicable'] .message {
    color: var(--_text-muted);
  }

  .percent {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }

  .bar {
    --_bar-size: 0.375rem;
    --_bar-fill: var(--_state);
    margin-block: 0.375rem var(--_space);
  }

  .message {
    font-size: 0.9375rem;
  }

  details {
    margin-block-start: var(--_space);
  }

  summary {
    cursor: pointer;
    inline-size: fit-content;
    color: var(--_brand);
    font-weight: 600;
    font-size: 0.9375rem;
    border-radius: 2px;
  }

  summary:hover {
    text-decoration: underline;
  }

  .finding {
    margin-block-start: var(--_space);
    padding-inline-start: var(--_space-2);
    border-inline-start: 3px solid var(--_border-subtle);
    font-size: 0.9375rem;
  }

  .where {
    color: var(--_text-muted);
  }

  .quote {
    display: inline;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_brand);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    border-radius: 2px;
  }

  .quote:hover {
    text-decoration-thickness: 2px;
  }

  .suggestion .try {
    font-weight: 600;
  }

  .more {
    margin-block-start: var(--_space);
    color: var(--_text-muted);
    font-size: 0.875rem;
  }

  @media (forced-colors: active) {
    .key {
      forced-color-adjust: none;
    }
  }
`;
