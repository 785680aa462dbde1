import { AscError } from '@asc-actions/core';

/**
 * A report that cannot be read as it is: truncated gzip, an empty body, a header this action
 * does not know, a cell that is not what its column holds. Says which report, line and column.
 */
export class ReportError extends AscError {}
