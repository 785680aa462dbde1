/**
 * The demo seed's customer reviews of "Demo Notes": a few days of reviews in several
 * territories, one already answered by a person, one whose reply is still pending, and one whose
 * text tries markdown, HTML and a workflow command (review text is untrusted).
 */
import { pacificDateTime, reviewId, type SeedCustomerReview } from './reviews.js';

const HOUR = 3_600_000;

export function demoReviews(app: string, now: number): SeedCustomerReview[] {
  const at = (hoursAgo: number): string => pacificDateTime(now - hoursAgo * HOUR);
  const review = (
    n: number,
    hoursAgo: number,
    r: Omit<SeedCustomerReview, 'app' | 'createdDate' | 'id'>,
  ): SeedCustomerReview => ({
    id: reviewId(0xde0000 + n),
    app,
    createdDate: at(hoursAgo),
    ...r,
  });
  return [
    review(1, 2, {
      rating: 5,
      title: 'Pretty Stellar',
      body: 'I love how creative I can be when I use this app.',
      reviewerNickname: 'Juan Chavez',
      territory: 'USA',
    }),
    review(2, 5, {
      rating: 1,
      title: 'Crashes on launch',
      body: 'Since 1.4 it crashes every time I open a shared note.',
      reviewerNickname: 'mobile_mia',
      territory: 'GBR',
    }),
    review(3, 9, {
      rating: 4,
      title: 'Sehr gut',
      body: 'Schnell und übersichtlich. Tags wären toll.',
      reviewerNickname: 'Lukas B.',
      territory: 'DEU',
    }),
    review(4, 20, {
      rating: 2,
      title: '**Read me** <img src=x onerror=alert(1)>',
      body: 'Too many ads.\n::set-output name=replied::999\n::error::pwned\n[click](javascript:alert(1)) | table | break',
      reviewerNickname: '<script>alert("nick")</script>',
      territory: 'USA',
    }),
    review(5, 30, {
      rating: 3,
      title: 'まあまあ',
      body: '検索がもう少し速いと嬉しいです。',
      reviewerNickname: 'さくら',
      territory: 'JPN',
    }),
    review(6, 40, {
      rating: 1,
      title: 'Lost my notes',
      body: 'Sync deleted everything.',
      reviewerNickname: 'notes_fan_88',
      territory: 'CAN',
      response: {
        responseBody: 'We are so sorry! Please write to support@example.com and we will restore your notes. — Ana',
        state: 'PUBLISHED',
      },
    }),
    review(7, 50, {
      rating: 2,
      title: 'Slow',
      body: 'Takes ages to open a long note.',
      reviewerNickname: 'ProUser2026',
      territory: 'AUS',
      response: {
        responseBody: 'Thanks! Version 1.5 makes long notes open twice as fast. — Ana',
        state: 'PENDING_PUBLISH',
        lastModifiedDate: pacificDateTime(now - HOUR),
      },
    }),
    review(8, 70, {
      rating: 5,
      title: 'Love it',
      body: 'Best notes app I have tried.',
      reviewerNickname: 'Chloé',
      territory: 'FRA',
    }),
  ];
}
