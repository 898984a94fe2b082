/**
 * `createComponent` of @lit/react, plus server rendering: on the server (no `document`) the
 * wrapper renders the bare tag with every string, number and boolean prop that the element
 * reads from an attribute written as that attribute (`colorModel="RGB"` → `color-model="RGB"`,
 * `noTooltip` → `no-tooltip=""`), so `renderToString` keeps `entity`, `src`, `opacity` ….
 * @lit/react would set those as properties after mounting and so drop them from the HTML.
 * Objects (`buffer`, `format`, `data`) and event props have no HTML form: they are set when
 * the page hydrates, as in the browser.
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import type { ReactiveElement } from 'lit';

type EventNames = Record<string, EventName | string>;

interface Options<I extends HTMLElement, E extends EventNames> {
  tagName: string;
  elementClass: new () => I;
  events?: E;
  displayName: string;
}

/** React's own props that go to the tag as they are. */
const REACT_PROPS = new Set(['children', 'className', 'style', 'id', 'slot', 'title', 'hidden']);

/** Property name → attribute name, for the element's attribute-backed properties. */
function attributeNames(elementClass: new () => HTMLElement): Map<string, string> {
  const lit = elementClass as unknown as typeof ReactiveElement;
  void lit.observedAttributes; // finalizes the class: elementProperties includes inherited ones
  const names = new Map<string, string>();
  for (const [key, options] of lit.elementProperties) {
    if (typeof key !== 'string' || options.attribute === false) continue;
    names.set(key, typeof options.attribute === 'string' ? options.attribute : key.toLowerCase());
  }
  return names;
}

/** The tag's props for the server-rendered HTML. */
function serverProps(props: Record<string, unknown>, attributes: Map<string, string>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (REACT_PROPS.has(key) || key.startsWith('data-') || key.startsWith('aria-')) {
      out[key === 'className' ? 'class' : key] = value;
      continue;
    }
    const attribute = attributes.get(key);
    if (attribute === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number') out[attribute] = String(value);
    else if (value === true) out[attribute] = '';
  }
  return out;
}

/** A React component for a custom element: @lit/react's, rendering attributes on the server. */
export function component<I extends HTMLElement, E extends EventNames = Record<never, never>>(
  options: Options<I, E>,
): ReactWebComponent<I, E> {
  const client = createComponent({ react: React, ...options });
  if (typeof document !== 'undefined') return client;
  const attributes = attributeNames(options.elementClass);
  const server = React.forwardRef<I, Record<string, unknown>>((props, _ref) =>
    React.createElement(options.tagName, serverProps(props, attributes)),
  );
  server.displayName = options.displayName;
  return server as unknown as ReactWebComponent<I, E>;
}
