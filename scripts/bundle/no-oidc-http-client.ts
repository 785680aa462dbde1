/**
 * Stands in for `@actions/http-client` in the bundles of actions that use neither
 * `@actions/cache` nor `@actions/github` (scripts/bundle/tsconfig.json maps it for ncc;
 * scripts/bundle/lean-actions.mjs lists the actions). In those bundles the only importer is `@actions/core`'s OIDC client,
 * behind `core.getIDToken()`, which no action calls: App Store Connect takes API keys, not
 * GitHub's OIDC tokens. Importing the real client there evaluated undici (about 400 KB) at every
 * start: an upload-build run that stops at its inputs took 240 ms with it and 192 ms without
 * (farm-bench, medians of 20 runs, Node 20).
 * If an action ever asks for an OIDC token, the error below says why there is none.
 */
const ABSENT =
  "@actions/http-client is left out of this action's bundle (scripts/bundle/lean-actions.mjs): core.getIDToken() is not available here.";

export class HttpClient {
  constructor() {
    throw new Error(ABSENT);
  }
}

export class BearerCredentialHandler {
  constructor() {
    throw new Error(ABSENT);
  }
}
