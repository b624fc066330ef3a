import { css } from 'lit';

export const emailEditorStyles = css`
  :host {
    display: block;
    --_field-padding-inline: 0.75rem;
  }

  .field {
    margin-block-end: var(--_space-3);
  }

  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }

  .hint {
    margin: 0 0 var(--_space);
    color: var(--_text-muted);
    font-size: 0.875rem;
  }

  /* The border and focus ring live on the surface, so backdrop and field share one box. */
  .surface {
    position: relative;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .surface:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Everything that moves text must match between the backdrop and the field above it. */
  .backdrop,
  .control {
    box-sizing: border-box;
    margin: 0;
    border: 0;
    border-radius: var(--_radius);
    padding: 0.625rem var(--_field-padding-inline);
    font: inherit;
    font-size: 1rem;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    tab-size: 4;
    text-align: start;
    text-transform: none;
  }

  .backdrop {
    position: absolute;
    inset: 0;
    overflow: hidden;
    color: transparent;
    pointer-events: none;
    unicode-bidi: plaintext;
  }

  .control {
    position: relative;
    display: block;
    inline-size: 100%;
    background: transparent;
    color: var(--_text);
  }

  .control:focus,
  .control:focus-visible {
    outline: none;
  }

  .backdrop--body,
  textarea.control {
    white-space: pre-wrap;
    overflow-wrap: break-word;
    word-break: normal;
    scrollbar-gutter: stable;
  }

  textarea.control {
    min-block-size: 16rem;
    resize: vertical;
    overflow-y: auto;
  }

  .backdrop--subject,
  input.control {
    white-space: pre;
  }

  /* A text input clips its text at the padding; the backdrop must not mark beyond it. */
  .backdrop--subject {
    clip-path: inset(0 var(--_field-padding-inline));
  }

  input.control {
    block-size: calc(1.5em + 1.25rem);
  }

  mark {
    color: transparent;
    background: var(--_check-tint);
    border-radius: 2px;
    text-decoration-line: underline;
    text-decoration-style: var(--_check-line);
    text-decoration-color: var(--_check);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.18em;
    text-decoration-skip-ink: none;
  }

  /* Where findings overlap, a deeper shade says "more than one check" without changing layout. */
  mark.overlap {
    background-image: linear-gradient(rgb(0 0 0 / 0.09), rgb(0 0 0 / 0.09));
  }

  .notice:not(:empty) {
    margin-block-start: var(--_space);
    padding: var(--_space) var(--_space-2);
    background: var(--_notice-surface);
    color: var(--_notice);
    border-inline-start: 4px solid var(--_brand);
    border-radius: var(--_radius);
    font-size: 0.9375rem;
  }

  .notice p {
    margin: 0;
  }

  legend {
    margin-block-end: var(--_space);
  }

  .optional {
    font-weight: 400;
    color: var(--_text-muted);
  }

  fieldset {
    margin-block-end: var(--_space-3);
  }

  .context {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: var(--_space-2);
  }

  .context label {
    font-weight: 400;
  }

  select {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.625rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  @media (forced-colors: active) {
    mark {
      forced-color-adjust: none;
    }
  }
`;
