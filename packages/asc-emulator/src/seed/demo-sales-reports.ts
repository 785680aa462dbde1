/** Demo seed for Sales and Trends and finance reports: the demo vendor's reports are generated on request. */
import type { SeedReportVendor } from '../reports/vendors.js';

/** The demo vendor: its reports are generated on request. */
export const DEMO_VENDOR_NUMBER = '85000000';

export function demoReportVendors(): SeedReportVendor[] {
  return [{ vendorNumber: DEMO_VENDOR_NUMBER, rows: 40 }];
}
