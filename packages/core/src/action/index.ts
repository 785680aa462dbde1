/** @asc-actions/core/action: the GitHub Actions side (inputs, outputs, summary, masking, cache, the run wrapper). */
export { readCommonInputs, type CommonInputs } from './common-inputs.js';
export * as inputs from './inputs.js';
export { runAction } from './run-action.js';
export { maskToken } from './mask.js';
export { actionsLogger } from './logger.js';
export { sanitizeValue } from './log-text.js';
export { connect, type ConnectDeps } from './connect.js';
export { setOutputs, summary } from './outputs.js';
export { escapeHtml } from './markdown.js';
export { actionsCache, type CacheStore } from './cache.js';
export { annotate, maskValue } from './annotations.js';
