/** @asc-actions/core/action: the GitHub Actions side (inputs, outputs, summary, masking, cache, the run wrapper). */
export { readCommonInputs, type CommonInputs } from './common-inputs.js';
export * as inputs from './inputs.js';
export { runAction, failureMessage, type RunActionOptions } from './run-action.js';
export { maskToken, maskKeyText, maskKeyObject, maskSecret } from './mask.js';
export { actionsLogger, loggable } from './logger.js';
export { sanitizeLogText, sanitizeValue } from './log-text.js';
export { connect, type ConnectDeps } from './connect.js';
export { setOutputs, summary } from './outputs.js';
export { escapeHtml, escapeMarkdown } from './markdown.js';
export { actionsCache, type CacheStore } from './cache.js';
export { annotate, maskValue, type AnnotationLevel, type AnnotationPlace } from './annotations.js';
