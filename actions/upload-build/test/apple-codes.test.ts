/**
 * Apple's processing codes through the bundle: a build upload that FAILED with Apple's own
 * messages (as quoted in the threads cited in src/report/apple-codes.ts, in the API's code
 * spellings) gives one annotation per code, each with Apple's text and what to change.
 */
import { buildUploadControl } from '@asc-actions/asc-emulator';
import { bundleWorld, type World } from './fixtures.js';

let h: World;
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

const APPLE: Array<{ code: string; description: string; hint: RegExp }> = [
  {
    code: 'STATE_ERROR.VALIDATION_ERROR.90186',
    description: "Invalid Pre-Release Train. The train version '1.5' is closed for new build submissions",
    hint: /train is closed \(the version was approved\): raise CFBundleShortVersionString/,
  },
  {
    code: '90062',
    description:
      'This bundle is invalid. The value for key CFBundleShortVersionString [1.5] in the Info.plist file must contain a higher version than that of the previously approved version [1.5].',
    hint: /Raise CFBundleShortVersionString above the version App Store Connect approved last/,
  },
  {
    code: '90478',
    description:
      'Invalid Version. The build with the version “1.5” can’t be imported because a later version has been closed for new build submissions. Choose a different version number.',
    hint: /A later version is closed for new builds/,
  },
  {
    code: '90054',
    description:
      'This bundle is invalid. The bundle identifier cannot be changed from the previous version. If you want to change your bundle identifier, you will need to create a new application in App Store Connect.',
    hint: /bundle ID cannot change: check the `app` input/,
  },
  {
    code: '90055',
    description:
      "This bundle is invalid. The bundle identifier cannot be changed from the current value, 'com.example.demo'. If you want to change your bundle identifier, you will need to create a new application in App Store Connect.",
    hint: /another bundle ID needs its own app record/,
  },
  {
    code: '90189',
    description:
      "Redundant Binary Upload. You've already uploaded a build with build number '100' for version number '1.5'. Make sure you increment the build string before you upload your app to App Store Connect.",
    hint: /raise CFBundleVersion and build again/,
  },
];
const WARNINGS: Array<{ code: string; description: string; hint: RegExp }> = [
  {
    code: 'ITMS-90683',
    description:
      'Missing purpose string in Info.plist - The Info.plist file for the “Demo.app” bundle should contain a NSCameraUsageDescription key with a user-facing purpose string explaining clearly and completely why your app needs the data.',
    hint: /required even when only a library references the API/,
  },
  {
    code: '90725',
    description:
      'SDK version issue - This app was built with the iOS 18.5 SDK. Starting April 2026, all iOS and iPadOS apps must be built with the iOS 26 SDK or later, included in Xcode 26 or later.',
    hint: /Build with the Xcode and SDK Apple names/,
  },
];

test("every code in the table: one annotation with Apple's text and what to change", async () => {
  h = await bundleWorld();
  const control = buildUploadControl(h.emulator.state);
  control.plans.push({
    outcome: 'failed',
    errors: APPLE.map(({ code, description }) => ({ code, description })),
    warnings: WARNINGS.map(({ code, description }) => ({ code, description })),
  });
  const result = await h.runBundle({ file: await h.ipa('Demo.ipa') });
  expect(result.exitCode).toBe(1);
  const lines = result.stdout.split('\n');
  for (const [level, list] of [
    ['error', APPLE],
    ['warning', WARNINGS],
  ] as const) {
    for (const { code, description, hint } of list) {
      const found = lines.filter((l) => l.startsWith(`::${level} `) && l.includes(`(${code})`));
      expect(found).toHaveLength(1);
      // Workflow commands escape only %, CR and LF; Apple's text is there as given.
      expect(found[0]).toContain(description);
      expect(found[0]).toMatch(hint);
    }
  }
  expect(result.errors.at(-1)).toContain('rejected 1.5 (100) while processing it');
}, 60_000);
