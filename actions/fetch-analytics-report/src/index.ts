import { holdReportMemory } from '@asc-actions/core';
import { run } from './main.js';

// A 1M-row segment is streamed through short-lived strings and inflated chunks: keep V8's young
// generation small and collect dead chunks as they go (see core's report-stream/report-memory.ts).
holdReportMemory();
void run();
