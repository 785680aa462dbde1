/** @asc-actions/asc-emulator — an in-process stand-in for Apple's App Store Connect API. */
export { startEmulator } from './emulator.js';
export type {
  ContractViolation,
  Emulator,
  EmulatorKey,
  FaultKind,
  FaultSpec,
  Linkage,
  RelationshipData,
  ResourceRecord,
  Seed,
  SeedApp,
  SeedBetaGroup,
  SeedKey,
  SeedSalesReport,
  StartOptions,
  TranscriptEntry,
} from './types.js';
export { EmulatorState } from './store/state.js';
export { Faults } from './faults/faults.js';
export { demoSeed, makeApps, demoSalesTsv, DEMO_APP_ID, DEMO_VENDOR_NUMBER, SALES_SUMMARY_HEADER } from './seed/demo.js';
export { BETA_GROUP_NAME_MAX } from './resources/beta-groups.js';
