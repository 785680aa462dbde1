// The actions whose bundles leave out @actions/http-client (see scripts/build.mjs): they use
// neither @actions/cache nor @actions/github. test/repo/lean-bundles.test.ts keeps this true.
export const LEAN_ACTIONS = [
  'assign-testflight-group',
  'check-credentials',
  'release-version',
  'submit-for-review',
  'upload-build',
];
