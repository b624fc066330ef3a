import { css } from 'lit';

/**
 * Style fragments every component shares, so a button, a score bar or a fieldset looks and
 * behaves the same everywhere. Add the fragment to a component's `styles` after `theme`.
 */

/**
 * Buttons: `class="button"` is filled with the brand colour, `button secondary` is outlined;
 * disabled reads as disabled by more than colour (dashed border, no pointer). `.actions` is a
 * row of them.
 */
export const buttonStyles = css`
  .button {
    min-block-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 600;
    color: var(--_on-brand);
    background: var(--_brand);
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
    cursor: pointer;
    text-align: center;
    overflow-wrap: anywhere;
  }
  .button.secondary {
    color: var(--_brand);
    background: var(--_surface);
  }
  .button:hover:not(:disabled) {
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .button:disabled {
    cursor: not-allowed;
    color: var(--_text-muted);
    background: var(--_page);
    border: 2px dashed var(--_border);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) var(--_space-2);
    margin-block-start: var(--_space-2);
  }
`;

/**
 * A score bar: `<span class="bar" aria-hidden="true"><span class="fill" style="inline-size: N%">`,
 * always beside words that say the same. `--_bar-size` sets its thickness, `--_bar-fill` its colour.
 */
export const barStyles = css`
  .bar {
    display: block;
    block-size: var(--_bar-size, 0.5rem);
    background: var(--_border-subtle);
    border-radius: 999px;
    overflow: hidden;
  }
  .bar > .fill {
    display: block;
    block-size: 100%;
    background: var(--_bar-fill, var(--_brand));
    border-radius: inherit;
    transition: inline-size 250ms ease-out;
  }
`;

/** Fieldsets as plain groups: no frame, no indent; the legend is a bold label. */
export const fieldsetStyles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
`;
