import { css } from 'lit';

export const workedExampleStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  p {
    margin: 0;
  }

  .title {
    margin: 0 0 var(--_space);
    font-size: 1.375rem;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .eyebrow {
    display: block;
    font-size: 0.875rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_text-muted);
  }

  .score-note {
    margin-block-end: var(--_space-2);
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  /* One column by default; side by side only when both emails have room to read. */
  .emails {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    align-items: start;
    margin-block-end: var(--_space-3);
  }

  @container (min-width: 44rem) {
    .emails {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }

  .badge {
    display: inline-block;
    margin-block-end: var(--_space);
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 0.875rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .after .badge {
    border-color: var(--_pass);
    color: var(--_pass);
  }

  .changes-heading {
    margin: 0 0 var(--_space);
    font-size: 1.125rem;
    font-weight: 700;
    line-height: 1.3;
  }

  .changes {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .change {
    padding: var(--_space) 0 var(--_space) var(--_space-2);
    border-inline-start: 4px solid var(--_brand);
    overflow-wrap: anywhere;
  }

  .change + .change {
    margin-block-start: var(--_space-2);
  }

  .change p + p {
    margin-block-start: 0.25rem;
  }

  .label {
    font-weight: 600;
  }
`;
