/**
 * Customer reviews for seeds: the seed shape, Apple-looking ids and dates, and a deterministic
 * generator of many reviews (`makeReviews`) for paging tests and benches.
 *
 * Shapes follow Apple's documented example response
 * (https://developer.apple.com/documentation/appstoreconnectapi/get-v1-appstoreversions-_id_-customerreviews): ids like
 * `00000028-b08c-0014-9674-c54800000000` and `createdDate` written in Pacific time with its
 * offset (`2024-01-02T11:19:36-07:00`), not in UTC.
 */

import { seededRandom } from './random.js';

/** A reply already on a review when the emulator starts (a person answered it in App Store Connect). */
export interface SeedReviewResponse {
  id?: string;
  responseBody: string;
  /** Default PUBLISHED. */
  state?: 'PUBLISHED' | 'PENDING_PUBLISH';
  /** Default: the review's createdDate plus one day. */
  lastModifiedDate?: string;
}

export interface SeedCustomerReview {
  id?: string;
  /** The app's id or bundle id. */
  app: string;
  rating: number;
  title?: string;
  body?: string;
  reviewerNickname: string;
  /** ISO 8601 with any offset; written as given. */
  createdDate: string;
  /** Alpha-3 territory code (TerritoryCode), e.g. USA. */
  territory: string;
  response?: SeedReviewResponse;
}

/** `n` → an id shaped like Apple's review ids (opaque to clients). */
export function reviewId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-b08c-0014-9674-c548${hex.slice(-8)}`;
}

const pacific = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'longOffset',
});

/** An instant as Apple writes review dates: Pacific local time with its offset, whole seconds. */
export function pacificDateTime(ms: number): string {
  const parts = Object.fromEntries(pacific.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

const TERRITORIES = [
  'USA',
  'USA',
  'USA',
  'GBR',
  'DEU',
  'FRA',
  'JPN',
  'ESP',
  'ITA',
  'BRA',
  'CAN',
  'AUS',
  'MEX',
  'NLD',
  'KOR',
];
const NICKNAMES = [
  'Juan Chavez',
  'notes_fan_88',
  'Mia K.',
  'daily planner',
  'Ünal',
  'さくら',
  'Lukas B.',
  'ProUser2026',
  'anon',
  'Chloé',
];
const TEXTS: Record<number, Array<[string, string]>> = {
  1: [
    ['Crashes on launch', 'Since the last update the app crashes every time I open it.'],
    ['Lost my notes', 'Sync deleted everything. Please fix!'],
  ],
  2: [
    ['Too many ads', 'The ads make it hard to use.'],
    ['Slow', 'Takes ages to open a long note.'],
  ],
  3: [
    ['OK', 'Does the job, but search could be better.'],
    ['Decent', 'Good app, wish it had dark mode on the widget.'],
  ],
  4: [
    ['Very good', 'I use it every day. Would love tags.'],
    ['Nice', 'Clean and fast.'],
  ],
  5: [
    ['Pretty Stellar', 'I love how creative I can be when I use this app.'],
    ['Love it', 'Best notes app I have tried.'],
  ],
};

export interface MakeReviewsOptions {
  /** The app's id or bundle id. */
  app: string;
  /** createdDate of the newest review (ms); older ones follow `stepMs` apart. Default 2026-11-26T10:00Z. */
  newestMs?: number;
  /** Default one hour. */
  stepMs?: number;
  /** PRNG seed for ratings, territories and texts. Default 1. */
  seed?: number;
  /** Every k-th review (1-based, oldest first) already has a published reply. Default: none. */
  answeredEvery?: number;
  /** First number used for ids (keeps ids apart across calls). Default 1. */
  firstId?: number;
}

/** `n` reviews, newest first, deterministic for a given seed. */
export function makeReviews(n: number, options: MakeReviewsOptions): SeedCustomerReview[] {
  const random = seededRandom(options.seed ?? 1);
  const newest = options.newestMs ?? Date.parse('2026-11-26T10:00:00Z');
  const step = options.stepMs ?? 3_600_000;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const rating = 1 + Math.floor(random() * 5);
    const [title, body] = pick(TEXTS[rating]!);
    const createdMs = newest - i * step;
    const oldestFirstIndex = n - i;
    const answered = options.answeredEvery !== undefined && oldestFirstIndex % options.answeredEvery === 0;
    const review: SeedCustomerReview = {
      id: reviewId((options.firstId ?? 1) + i),
      app: options.app,
      rating,
      title,
      body,
      reviewerNickname: pick(NICKNAMES),
      createdDate: pacificDateTime(createdMs),
      territory: pick(TERRITORIES),
    };
    if (answered)
      review.response = {
        responseBody: 'Thank you for your feedback! — The team',
        lastModifiedDate: pacificDateTime(createdMs + 86_400_000),
      };
    return review;
  });
}
