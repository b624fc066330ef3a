import { css } from 'lit';

export const scoreSummaryStyles = css`
  :host {
    display: block;
  }

  p {
    margin: 0;
  }

  .empty,
  .error {
    color: var(--_text);
  }

  .error {
    padding: var(--_space) var(--_space-2);
    background: var(--_notice-surface);
    color: var(--_notice);
    border-inline-start: 4px solid var(--_fail);
    border-radius: var(--_radius);
  }

  .score {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0.375rem;
  }

  .number {
    font-size: 2.75rem;
    font-weight: 700;
    line-height: 1.1;
    color: var(--_brand);
    font-variant-numeric: tabular-nums;
  }

  .out-of {
    color: var(--_text-muted);
  }

  .gauge {
    margin-block: var(--_space);
  }

  .counts {
    color: var(--_text);
  }
`;
