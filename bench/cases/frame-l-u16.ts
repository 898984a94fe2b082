// Upload-and-show of a 1920×1080 frame: see ../frame-case.ts.
import { frameCase } from '../frame-case.js';

export default frameCase('l-u16');
