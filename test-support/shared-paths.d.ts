/** Points ASC_OPENAPI_SPEC and ASC_CORPUS_DIR at ../shared when unset and present. */
export function applySharedDefaults(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
