/** A seed's pricing entry (kept apart from seed.ts so types.ts imports no code). */
export interface SeedPricing {
  /** The app's id or bundle id. */
  app: string;
  /** The base territory of the price schedule; default USA. */
  baseTerritory?: string;
  /** A manual price in the base territory (the price point's id is the emulator's); false: no price schedule. Default true. */
  price?: boolean;
  /** Territories the app is available in (alpha-3 codes). Default: USA. */
  available?: string[];
  /** Territories listed as not available. */
  unavailable?: string[];
  /** false: no availability record at all. Default true. */
  availability?: boolean;
  availableInNewTerritories?: boolean;
}
