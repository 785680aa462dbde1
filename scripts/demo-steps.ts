/**
 * The demo's job: each action's bundle, run in order against the emulator's demo seed, the way a
 * workflow would run it. Each action's issue adds its step here.
 */
export interface DemoStep {
  action: string;
  title: string;
  inputs: Record<string, string>;
  /** Outputs that must be set (non-empty) for the step to count as passed. */
  expectOutputs: string[];
}

export const demoSteps: DemoStep[] = [
  {
    action: 'check-credentials',
    title: 'Check the API key before anything else',
    inputs: {},
    expectOutputs: ['key-type', 'rate-limit-limit', 'rate-limit-remaining', 'apps-visible', 'result'],
  },
];
