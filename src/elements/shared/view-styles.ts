/**
 * Styles of a view's frame: the canvas fills the host, the tooltip floats over it, error
 * messages (`part="error"`) sit at the top.
 */
import { css } from 'lit';

export const viewStyles = css`
  :host {
    position: relative;
    /* With no CSS height, take the content's aspect ratio at the container's width. */
    aspect-ratio: var(--rr-aspect, 3 / 2);
    outline: none;
    contain: layout;
  }
  :host(:focus-visible) {
    outline: 2px solid var(--rr-focus-color, #4d7bbc);
    outline-offset: 1px;
  }
  .rr-frame {
    position: absolute;
    inset: 0;
    overflow: hidden;
    background: var(--rr-view-background, transparent);
  }
  canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
    /* One finger scrolls the page, two pinch-zoom the view; once focused, one finger pans. */
    touch-action: pan-x pan-y;
    image-rendering: pixelated;
  }
  :host(:focus) canvas {
    touch-action: none;
  }
  .rr-layers {
    position: absolute;
    left: 0;
    top: 0;
    right: 0;
    pointer-events: none;
  }
  .rr-error {
    box-sizing: border-box;
    margin: 4px;
    padding: 4px 8px;
    border-radius: 4px;
    background: rgba(140, 20, 20, 0.9);
    color: #fff;
    font:
      12px/1.4 system-ui,
      sans-serif;
    max-width: calc(100% - 8px);
    overflow-wrap: anywhere;
    pointer-events: auto;
  }
  .rr-tooltip {
    position: absolute;
    z-index: 1;
    pointer-events: none;
    padding: 4px 8px;
    border-radius: 4px;
    background: var(--rr-tooltip-background, rgba(20, 20, 24, 0.92));
    color: var(--rr-tooltip-color, #f0f0f0);
    font:
      12px/1.4 ui-monospace,
      SFMono-Regular,
      Menlo,
      monospace;
    white-space: nowrap;
  }
  .rr-hint {
    position: absolute;
    left: 50%;
    bottom: 10px;
    transform: translateX(-50%);
    z-index: 1;
    pointer-events: none;
    padding: 4px 10px;
    border-radius: 4px;
    background: var(--rr-tooltip-background, rgba(20, 20, 24, 0.92));
    color: var(--rr-tooltip-color, #f0f0f0);
    font:
      12px/1.4 system-ui,
      sans-serif;
    white-space: nowrap;
  }
`;
