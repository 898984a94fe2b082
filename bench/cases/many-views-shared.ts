// Redrawing 200 views after one change in `<rr-context shared-canvas>`: bench/many-views-case.ts.
import { manyViewsCase } from '../many-views-case.js';

export default manyViewsCase(true);
