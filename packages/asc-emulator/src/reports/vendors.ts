/** Vendors whose Sales and Trends and finance reports the emulator generates on request. */

export interface SeedReportVendor {
  vendorNumber: string;
  /** Data rows in each generated report (default 30). */
  rows?: number;
  /** Report dates as requested (`2026-11-03`, `2026-10`, `2026`) that answer "There were no sales for the date specified." */
  noSalesDates?: string[];
  /**
   * Versions Apple accepts, per report type, oldest first: the last one is what Apple's error
   * names as "the latest version for this report". Replaces the documented matrix, e.g.
   * `{ SUBSCRIPTION: ['1_4'] }` for the day Apple moves on and refuses 1_3.
   */
  versions?: Record<string, string[]>;
  /** Columns per `TYPE/SUBTYPE/VERSION`, `TYPE/VERSION` or `TYPE`, replacing the built-in layout (e.g. reordered). */
  layouts?: Record<string, string[]>;
}

/** A generated report's data rows for a vendor. */
export const DEFAULT_GENERATED_ROWS = 30;
