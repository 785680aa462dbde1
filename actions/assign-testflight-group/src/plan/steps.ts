/** The plan's shape: typed steps (every write a run makes), problems that stop it, and the facts for the report. */
import type { BetaAppLocalizationText, BetaAppReviewDetailText } from '@asc-actions/core';
import type { TesterEntry } from '../inputs/testers.js';
import type { GroupTarget, TesterInfo } from '../model.js';

export type Step =
  | { kind: 'export-compliance'; value: boolean }
  | { kind: 'auto-notify'; value: boolean }
  | { kind: 'beta-localization'; id?: string; locale: string; attributes: BetaAppLocalizationText }
  | { kind: 'review-detail'; attributes: BetaAppReviewDetailText }
  | { kind: 'create-notes'; locale: string; text: string }
  | { kind: 'update-notes'; id: string; locale: string; text: string }
  | { kind: 'create-group'; group: GroupTarget }
  | { kind: 'add-build'; groups: GroupTarget[] }
  | { kind: 'create-tester'; tester: TesterEntry; groups: GroupTarget[] }
  | { kind: 'add-testers'; group: GroupTarget; testers: TesterInfo[] }
  | { kind: 'expire-build'; buildId: string; buildNumber: string }
  | { kind: 'submit' }
  | { kind: 'notify' };

export interface Problem {
  input?: string;
  message: string;
}

export interface Plan {
  steps: Step[];
  problems: Problem[];
  groups: GroupTarget[];
  testers: { create: TesterEntry[]; addExisting: TesterInfo[]; alreadyPresent: TesterEntry[] };
  /** Locale → What to Test after this run. */
  notes: Record<string, string>;
  review: { wanted: boolean; existingState?: string };
  warnings: string[];
}
