import { css, unsafeCSS } from 'lit';
import { CHECK_IDS } from '../analyzer/types.ts';
import { CHECK_APPEARANCE } from './check-appearance.ts';

/**
 * The course theme. Customers override the public `--ee-*` custom properties anywhere above
 * the elements (on `:root`, `body` or `practice-page`); each element reads them through private
 * `--_*` aliases that hold the defaults, so an element works without any page stylesheet.
 *
 * Colours: `--ee-color-brand`, `--ee-color-on-brand`, `--ee-color-text`, `--ee-color-text-muted`,
 * `--ee-color-surface`, `--ee-color-page`, `--ee-color-border`, `--ee-color-border-subtle`,
 * `--ee-color-focus`, `--ee-color-pass`, `--ee-color-fail`, `--ee-color-na`, `--ee-color-notice`,
 * `--ee-color-notice-surface`; per check `--ee-check-<id>`, `--ee-check-<id>-tint`,
 * `--ee-check-<id>-line`. Shape: `--ee-font-family`, `--ee-radius`, `--ee-space` (spacing unit).
 * Keep text at 4.5:1 and borders, focus ring and icons at 3:1 against their backgrounds.
 */
const checkTokens = CHECK_IDS.map((id) => {
  const look = CHECK_APPEARANCE[id];
  return `--_check-${id}: var(--ee-check-${id}, ${look.color});
    --_check-${id}-tint: var(--ee-check-${id}-tint, ${look.tint});
    --_check-${id}-line: var(--ee-check-${id}-line, ${look.line});`;
}).join('\n');

export const theme = css`
  :host {
    --_brand: var(--ee-color-brand, #1d4f91);
    --_on-brand: var(--ee-color-on-brand, #ffffff);
    --_text: var(--ee-color-text, #1b2430);
    --_text-muted: var(--ee-color-text-muted, #4a5566);
    --_surface: var(--ee-color-surface, #ffffff);
    --_page: var(--ee-color-page, #f3f5f8);
    --_border: var(--ee-color-border, #6b7686);
    --_border-subtle: var(--ee-color-border-subtle, #d5dbe3);
    --_focus: var(--ee-color-focus, #1a5fb4);
    --_pass: var(--ee-color-pass, #1e6b34);
    --_fail: var(--ee-color-fail, #9c3b0b);
    --_na: var(--ee-color-na, #4a5566);
    --_notice: var(--ee-color-notice, #1b2430);
    --_notice-surface: var(--ee-color-notice-surface, #eef3fa);
    --_font: var(
      --ee-font-family,
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif,
      'Apple Color Emoji', 'Segoe UI Emoji'
    );
    --_radius: var(--ee-radius, 6px);
    --_space: var(--ee-space, 0.5rem);
    --_space-2: calc(var(--_space) * 2);
    --_space-3: calc(var(--_space) * 3);
    --_space-4: calc(var(--_space) * 4);
    ${unsafeCSS(checkTokens)}

    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
  }

  :where(button, input, select, textarea, summary, [tabindex]):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0.01ms !important;
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Maps `data-check="<id>"` to `--_check`, `--_check-tint` and `--_check-line` for that check. */
export const checkAppearanceStyles = unsafeCSS(
  CHECK_IDS.map(
    (id) => `[data-check='${id}'] {
      --_check: var(--_check-${id});
      --_check-tint: var(--_check-${id}-tint);
      --_check-line: var(--_check-${id}-line);
    }`,
  ).join('\n'),
);
