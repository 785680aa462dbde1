/**
 * The demo's TestFlight data for "Demo Notes": build 1.4 (41), approved and in "Public Beta",
 * and build 1.4 (42), uploaded an hour before `now` and processed, ready to hand to testers;
 * test information filled in; two testers, one of them in "Public Beta" already.
 */
import type { TestFlightSeed } from '../resources/testflight/seed-types.js';

export const DEMO_VERSION = '1.4';
export const DEMO_BUILD_NUMBER = '42';
const HOUR = 60 * 60 * 1000;

export function demoTestFlightSeed(now: number = Date.now()): TestFlightSeed {
  const app = '1600000001';
  return {
    builds: [
      {
        app,
        version: DEMO_VERSION,
        buildNumber: '41',
        uploadedDate: new Date(now - 72 * HOUR).toISOString(),
        usesNonExemptEncryption: false,
        betaGroups: ['Public Beta'],
        whatsNew: { 'en-US': 'Faster sync.' },
        betaReviewState: 'APPROVED',
      },
      {
        app,
        version: DEMO_VERSION,
        buildNumber: DEMO_BUILD_NUMBER,
        uploadedDate: new Date(now - HOUR).toISOString(),
        usesNonExemptEncryption: false,
      },
    ],
    betaTesters: [
      {
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        betaGroups: ['a1b2c3d4-0000-4000-8000-000000000002'],
        state: 'INSTALLED',
      },
      { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', apps: [app], state: 'ACCEPTED' },
    ],
    betaAppLocalizations: [
      {
        app,
        locale: 'en-US',
        description: 'Demo Notes keeps your notes in sync.',
        feedbackEmail: 'beta@example.com',
        privacyPolicyUrl: 'https://example.com/privacy',
      },
    ],
    betaAppReviewDetails: [
      {
        app,
        contactFirstName: 'Riley',
        contactLastName: 'Reviewer',
        contactPhone: '+1 555 0100',
        contactEmail: 'review@example.com',
        demoAccountRequired: false,
      },
    ],
  };
}
