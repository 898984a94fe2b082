/**
 * React components for the segmentation tags: `<rr-segmentation>`,
 * `<rr-annotation-context>` and `<rr-annotation-legend>`, made like those in `./index.ts`, and
 * their JSX types for plain React 19 use. Re-exported from `rr-elements/react`.
 */
import * as React from 'react';
import { createComponent, type EventName, type WebComponentProps } from '@lit/react';
import { RrSegmentation as RrSegmentationElement } from '../elements/rr-segmentation/rr-segmentation.js';
import { RrAnnotationContext as RrAnnotationContextElement } from '../elements/rr-annotation-context/rr-annotation-context.js';
import { RrAnnotationLegend as RrAnnotationLegendElement } from '../elements/rr-annotation-legend/rr-annotation-legend.js';
import type { RrEventMap } from '../elements/shared/events.js';

const onRrError = 'rr-error' as EventName<RrEventMap['rr-error']>;

/** `<rr-segmentation>`: a SegmentationImage layer. */
export const RrSegmentation = createComponent({
  react: React,
  tagName: 'rr-segmentation',
  elementClass: RrSegmentationElement,
  events: { onRrHover: 'rr-hover' as EventName<RrEventMap['rr-hover']>, onRrError },
  displayName: 'RrSegmentation',
});

/** `<rr-annotation-context>`: class ids → labels and colours at an entity. */
export const RrAnnotationContext = createComponent({
  react: React,
  tagName: 'rr-annotation-context',
  elementClass: RrAnnotationContextElement,
  events: { onRrError },
  displayName: 'RrAnnotationContext',
});

/** `<rr-annotation-legend>`: shows and controls the annotation context of an entity. */
export const RrAnnotationLegend = createComponent({
  react: React,
  tagName: 'rr-annotation-legend',
  elementClass: RrAnnotationLegendElement,
  events: {
    onRrClassToggle: 'rr-class-toggle' as EventName<RrEventMap['rr-class-toggle']>,
    onRrClassHover: 'rr-class-hover' as EventName<RrEventMap['rr-class-hover']>,
  },
  displayName: 'RrAnnotationLegend',
});

type EventProps = { [K in 'rr-hover' | 'rr-error' as `on${K}`]?: (event: RrEventMap[K]) => void };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'rr-segmentation': WebComponentProps<RrSegmentationElement> & EventProps;
      'rr-annotation-context': WebComponentProps<RrAnnotationContextElement> & EventProps;
      'rr-annotation-legend': WebComponentProps<RrAnnotationLegendElement> & {
        'onrr-class-toggle'?: (event: RrEventMap['rr-class-toggle']) => void;
        'onrr-class-hover'?: (event: RrEventMap['rr-class-hover']) => void;
      };
    }
  }
}
