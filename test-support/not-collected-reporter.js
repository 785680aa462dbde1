// A Jest reporter that ends the run with one line naming the suites left out for want of the
// spec or the corpus (see needs.js), so a fresh clone's green run says what it did not check.
import { notCollectedLine } from './needs.js';

export default class NotCollectedReporter {
  constructor(_globalConfig, options) {
    this.line = notCollectedLine(options?.left ?? []);
  }

  onRunComplete() {
    if (this.line) process.stderr.write(`\n${this.line}\n`);
  }
}
