/**
 * A clock for bundle runs. The bundle (a child process) keeps the system's time, so the emulator
 * must keep it too: its processing, compliance and token checks all follow its clock. This is a
 * VirtualClock (what actionHarness takes) whose `now` is the wall clock and whose `sleep` really
 * waits; `advance` still moves it ahead of the wall clock.
 */
import { VirtualClock } from '@asc-actions/core';

export class WallClock extends VirtualClock {
  private offset = 0;

  override now(): number {
    return Date.now() + this.offset;
  }

  override async sleep(ms: number): Promise<void> {
    const d = Math.max(0, ms);
    this.sleeps.push(d);
    await new Promise((resolve) => setTimeout(resolve, d));
  }

  override advance(ms: number): void {
    this.offset += ms;
  }
}
