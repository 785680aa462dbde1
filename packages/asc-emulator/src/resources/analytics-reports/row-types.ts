/** What the row generators hand each other (rows.ts, typed-rows.ts). */
export interface Funnel {
  impressions: number;
  pageViews: number;
  firstTime: number;
  redownloads: number;
}

export type Cells = Record<string, string | number>;
