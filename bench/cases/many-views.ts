// Redrawing 200 views after one change, a canvas per view (the default): bench/many-views-case.ts.
import { manyViewsCase } from '../many-views-case.js';

export default manyViewsCase(false);
