/** What happened when, for the job summary's timeline and the log. */
import type { Clock, Logger } from '@asc-actions/core';

export interface TimelineEvent {
  at: number;
  step: string;
  detail: string;
}

export class Timeline {
  readonly events: TimelineEvent[] = [];
  readonly startedAt: number;
  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.startedAt = clock.now();
  }

  add(step: string, detail: string): void {
    this.events.push({ at: this.clock.now(), step, detail });
    this.logger.info(`${step}: ${detail}`);
  }

  /** `+12m30s` since the action started. */
  offset(at: number): string {
    const s = Math.max(0, Math.round((at - this.startedAt) / 1000));
    const m = Math.floor(s / 60);
    return m > 0 ? `+${m}m${String(s % 60).padStart(2, '0')}s` : `+${s}s`;
  }
}
