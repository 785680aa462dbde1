import { holdYoungGeneration } from '@asc-actions/core';
import { run } from './main.js';

// A 1M-row segment is streamed through short-lived strings: keep V8's young generation small
// (about 30 MB less peak memory; see core's report-stream/young-generation.ts).
holdYoungGeneration();
void run();
