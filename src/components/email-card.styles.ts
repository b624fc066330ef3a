import { css } from 'lit';

export const emailCardStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
  }

  .heading {
    margin: 0 0 var(--_space);
    font-size: 1.0625rem;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .email {
    padding: var(--_space-2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .subject {
    margin: 0 0 var(--_space);
    padding-block-end: var(--_space);
    border-block-end: 1px solid var(--_border-subtle);
    overflow-wrap: anywhere;
  }

  .label {
    font-weight: 600;
    color: var(--_text-muted);
  }

  .subject-text {
    font-weight: 600;
  }

  .subject-text.empty {
    font-weight: 400;
    font-style: italic;
    color: var(--_text-muted);
  }

  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
`;
