import { css } from 'lit';

export const reflectionBoxStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }

  p {
    margin: 0 0 var(--_space);
  }

  ul,
  ol {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.5rem;
  }

  .heading {
    margin: 0 0 var(--_space);
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.3;
  }

  .prompt {
    font-weight: 600;
  }

  .guidance {
    color: var(--_text-muted);
  }

  label {
    display: block;
    margin-block-start: var(--_space-2);
    font-weight: 600;
  }

  .hint {
    margin-block: 0.25rem var(--_space);
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  textarea {
    box-sizing: border-box;
    display: block;
    inline-size: 100%;
    min-block-size: 10rem;
    padding: 0.625rem 0.75rem;
    font: inherit;
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    resize: vertical;
    white-space: pre-wrap;
    overflow-wrap: break-word;
  }

  .saved {
    margin: 0;
    color: var(--_pass);
    font-weight: 600;
  }
`;
