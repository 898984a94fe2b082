import { css } from 'lit';

/** Row height in CSS pixels: fixed, so long lists can be rendered lazily by scroll position. */
export const ROW_HEIGHT = 26;

export const legendStyles = css`
  :host {
    display: block;
    font: 12px/1.3 var(--rr-legend-font, system-ui, sans-serif);
    color: var(--rr-legend-color, inherit);
  }
  .scroller {
    max-height: var(--rr-legend-max-height, 360px);
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    table-layout: fixed;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 6px 0 4px;
  }
  th {
    text-align: start;
    font-weight: 600;
    padding: 2px 6px;
    position: sticky;
    top: 0;
    background: var(--rr-legend-background, Canvas);
  }
  td {
    padding: 0 6px;
    height: ${ROW_HEIGHT}px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  th.id,
  td.id {
    width: 5.5em;
  }
  th.color,
  td.color {
    width: 9em;
  }
  tr[part='row'] {
    cursor: pointer;
  }
  tr[part='row']:hover,
  tr[part='keypoint-row']:hover,
  tr[data-highlighted],
  tr[data-hovered] {
    background: var(--rr-legend-hover-background, rgba(77, 123, 188, 0.18));
  }
  tr[part='keypoint-row']:focus-visible {
    outline: 2px solid var(--rr-focus-color, #4d7bbc);
    outline-offset: -2px;
  }
  tr[data-hovered] {
    outline: 1px solid var(--rr-focus-color, #4d7bbc);
    outline-offset: -1px;
  }
  tr[data-hidden] td.label,
  tr[data-hidden] td.id {
    opacity: 0.7;
    text-decoration: line-through;
  }
  button.toggle {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0 2px;
    cursor: pointer;
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  button.toggle:focus-visible {
    outline: 2px solid var(--rr-focus-color, #4d7bbc);
  }
  .eye {
    display: inline-block;
    width: 10px;
    height: 10px;
    border: 1px solid currentColor;
    border-radius: 2px;
  }
  button[aria-pressed='true'] .eye {
    background: currentColor;
  }
  .swatch {
    display: inline-block;
    vertical-align: middle;
    width: 48px;
    height: 14px;
    border-radius: 2px;
    /* A checkerboard shows through transparent colours. */
    background-image:
      linear-gradient(var(--swatch), var(--swatch)),
      conic-gradient(#bbb 25%, #fff 0 50%, #bbb 0 75%, #fff 0);
    background-size:
      100% 100%,
      8px 8px;
  }
  .auto {
    opacity: 0.75;
    margin-inline-start: 4px;
  }
  input[type='search'] {
    box-sizing: border-box;
    width: 100%;
    margin: 4px 0;
    font: inherit;
  }
  .empty {
    opacity: 0.75;
  }
`;
