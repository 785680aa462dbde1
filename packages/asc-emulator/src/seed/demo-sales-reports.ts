/** Demo seed for Sales and Trends and finance reports: the demo vendor's reports are generated on request. */
import type { SeedReportVendor } from '../reports/vendors.js';
import { DEMO_VENDOR_NUMBER } from './demo.js';

export function demoReportVendors(): SeedReportVendor[] {
  return [{ vendorNumber: DEMO_VENDOR_NUMBER, rows: 40 }];
}
