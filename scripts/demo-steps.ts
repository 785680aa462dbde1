/**
 * The demo's job: each action's bundle, run in order against the emulator's demo seed, the way a
 * workflow would run it. Each action's issue adds its step here.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
export interface DemoStep {
  action: string;
  title: string;
  inputs: Record<string, string>;
  /** Outputs that must be set (non-empty) for the step to count as passed. */
  expectOutputs: string[];
  /** Inputs from earlier steps' outputs (by action name), as a workflow's `steps.<id>.outputs`. */
  fromEarlier?: (outputs: Record<string, Record<string, string>>) => Record<string, string>;
  /** Files the step needs in the workspace (GITHUB_WORKSPACE), made before it runs. */
  prepare?: (workspace: string) => Promise<void>;
}

export const demoSteps: DemoStep[] = [
  {
    action: 'check-credentials',
    title: 'Check the API key before anything else',
    inputs: {},
    expectOutputs: ['key-type', 'rate-limit-limit', 'rate-limit-remaining', 'apps-visible', 'result'],
  },
  {
    action: 'upload-metadata',
    title: "Push the repo's store metadata to the editable version: plan, validate, apply only the differences",
    inputs: {
      app: 'com.example.demo',
      'metadata-path': 'fastlane/metadata',
    },
    // The example tree is copied into the step's workspace, as a checkout holds it: core reads only inside GITHUB_WORKSPACE.
    prepare: async (workspace) => {
      cpSync(
        new URL('../actions/upload-metadata/examples/metadata', import.meta.url).pathname,
        join(workspace, 'fastlane/metadata'),
        {
          recursive: true,
        },
      );
    },
    expectOutputs: ['plan', 'changes', 'created-locales'],
  },
  {
    action: 'respond-to-reviews',
    title: 'Answer new customer reviews by rules (per-language templates, skip rules)',
    inputs: {
      app: 'com.example.demo',
      rules: [
        '- name: crash reports',
        '  rating: 1-2',
        '  words: [crash, crashes, lost]',
        '  reply: "Sorry, {nickname}! Version 1.5 of {app_name} fixes this crash. Please update."',
        '- name: thanks',
        '  rating: 4-5',
        '  reply:',
        '    en: "Thank you for the {rating} stars, {nickname}!"',
        '    de: "Danke für die {rating} Sterne, {nickname}!"',
        '    fr: "Merci pour les {rating} étoiles, {nickname} !"',
        '- name: everything else',
        '  skip: true',
      ].join('\n'),
      since: '7d',
      'cache-state': 'false',
    },
    expectOutputs: ['matched', 'replied', 'skipped', 'reviews', 'slack-payload'],
  },
  {
    action: 'assign-testflight-group',
    title: 'Hand build 1.4 (42) to TestFlight: What to Test, groups, testers (one new, one already in), beta review',
    inputs: {
      app: 'com.example.demo',
      version: '1.4',
      'build-number': '42',
      groups: 'Internal Testers\nPublic Beta',
      testers: 'ada@example.com\nlinus@example.com,Linus,Torvalds',
      'test-notes': '{"en-US": "Try the new sync.", "de-DE": "Probiere den neuen Abgleich."}',
    },
    expectOutputs: [
      'build-id',
      'processing-state',
      'groups',
      'testers-added',
      'testers-already-present',
      'beta-review-state',
      'result',
    ],
  },
  {
    action: 'upload-build',
    title:
      'Upload a freshly built .ipa (Demo Notes 1.6 (60), generated here) through the Build Upload API and wait for processing',
    inputs: { file: 'build/DemoNotes.ipa', 'processing-timeout': '2m' },
    prepare: async (workspace) => {
      const { writeIpa } = await import('../actions/upload-build/test/ipa.js');
      mkdirSync(join(workspace, 'build'), { recursive: true });
      await writeIpa(join(workspace, 'build/DemoNotes.ipa'), {
        name: 'DemoNotes',
        bundleId: 'com.example.demo',
        version: '1.6',
        buildNumber: '60',
        payloadBytes: 2 * 1024 * 1024,
      });
    },
    expectOutputs: ['build-upload-id', 'build-id', 'version', 'build-number', 'state', 'bytes'],
  },
  {
    action: 'assign-testflight-group',
    title: 'Hand the build just uploaded to the internal testers, by the build-id upload-build output',
    inputs: { app: 'com.example.demo', groups: 'Internal Testers', 'uses-non-exempt-encryption': 'false' },
    fromEarlier: (outputs) => ({ 'build-id': outputs['upload-build']?.['build-id'] ?? '' }),
    expectOutputs: ['build-id', 'processing-state', 'groups'],
  },
  {
    action: 'fetch-sales-report',
    title: 'Backfill the last week of daily sales: proceeds per currency, units by kind, a chart over the days',
    inputs: {
      'vendor-number': '85000000',
      from: new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10),
      cache: 'false',
    },
    expectOutputs: ['status', 'report-path', 'rows', 'summary'],
  },
  {
    action: 'fetch-analytics-report',
    title:
      'The nightly conversion loop: impressions → product page views → downloads per day, top territories and sources, change against the week before',
    inputs: { app: 'com.example.demo', cache: 'false' },
    expectOutputs: ['state', 'report-path', 'rows', 'instances', 'summary'],
  },
  {
    action: 'release-version',
    title:
      'Release Demo Tasks 2.1, approved with a manual release: one release request, the phased release starts at day 1',
    inputs: { app: 'com.example.tasks', step: 'release' },
    expectOutputs: ['version-id', 'state', 'phased-release-state', 'result'],
  },
  {
    action: 'submit-for-review',
    title:
      'Last step of the pipeline: Demo Notes 1.5 with build 50 to App Review (every readiness item checked first, then build, release type, phased release, submission, item, submit): Waiting for Review',
    inputs: {
      app: 'com.example.demo',
      version: '1.5',
      'build-number': '50',
      'release-type': 'manual',
      'phased-release': 'true',
    },
    expectOutputs: ['submission-id', 'state', 'version-id', 'build-id', 'readiness'],
  },
];
