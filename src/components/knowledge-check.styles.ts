import { css } from 'lit';

export const knowledgeCheckStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }

  p {
    margin: 0;
  }

  .heading {
    margin: 0 0 var(--_space);
    font-size: 1.125rem;
    font-weight: 700;
    line-height: 1.3;
  }

  legend {
    font-size: 1.0625rem;
  }

  .hint {
    margin-block: 0.25rem var(--_space);
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }

  .options {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space);
  }

  .option {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: 0.75rem;
    padding: 0.625rem 0.75rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .option:has(input:checked) {
    border-color: var(--_brand);
    box-shadow: inset 0 0 0 1px var(--_brand);
  }

  .option[data-correct] {
    border-color: var(--_pass);
    box-shadow: inset 0 0 0 1px var(--_pass);
  }

  input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_brand);
  }

  label {
    display: block;
    cursor: pointer;
  }

  input:disabled + label {
    cursor: default;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-block-start: 0.25rem;
  }

  .tag {
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
  }

  .tag--chosen {
    color: var(--_text-muted);
  }

  .tag--correct {
    color: var(--_pass);
  }

  .feedback:not(:empty) {
    margin-block-start: var(--_space-2);
    padding: var(--_space) var(--_space-2);
    background: var(--_notice-surface);
    color: var(--_notice);
    border-inline-start: 4px solid var(--_fail);
    border-radius: var(--_radius);
  }

  .feedback:has(.verdict[data-correct='true']) {
    border-inline-start-color: var(--_pass);
  }

  .verdict {
    font-weight: 700;
  }

  .verdict-icon {
    display: inline-block;
    min-inline-size: 1em;
  }

  .verdict[data-correct='true'] .verdict-icon {
    color: var(--_pass);
  }

  .verdict[data-correct='false'] .verdict-icon {
    color: var(--_fail);
  }

  .choices,
  .right-answers ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .choices li,
  .right-answers {
    margin-block-start: var(--_space);
  }

  .chose,
  .right-label {
    font-weight: 600;
  }

  .right-answers li {
    padding-inline-start: var(--_space-2);
    border-inline-start: 3px solid var(--_pass);
  }


  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }

  .tally {
    margin-block-start: 0.25rem;
    font-weight: 600;
  }
`;
