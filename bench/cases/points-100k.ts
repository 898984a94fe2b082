// Issue 14: pan a view of 100 000 points, one frame: see ../geometry-case.ts.
import { geometryCase } from '../geometry-case.js';

export default geometryCase('points', 100_000, 'pan');
