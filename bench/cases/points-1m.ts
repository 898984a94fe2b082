// Issue 14: pan a view of 1 000 000 points, one frame: see ../geometry-case.ts.
import { geometryCase } from '../geometry-case.js';

export default geometryCase('points', 1_000_000, 'pan', 4);
