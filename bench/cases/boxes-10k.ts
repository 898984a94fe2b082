// Issue 14: pan a view of 10 000 boxes, one frame: see ../geometry-case.ts.
import { geometryCase } from '../geometry-case.js';

export default geometryCase('boxes', 10_000, 'pan');
