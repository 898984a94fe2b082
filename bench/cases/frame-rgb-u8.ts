// Upload-and-show of a 1920×1080 frame (issue 3): see ../frame-case.ts.
import { frameCase } from '../frame-case.js';

export default frameCase('rgb-u8');
