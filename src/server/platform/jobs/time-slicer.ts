import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long CPU passes of a background job, cut into slices. Jobs run in the
 * process that serves requests; a job step that computed for a third of a
 * second would hold every request for that long. Between slices the event
 * loop gets a turn, so a request waits at most about one slice.
 */
export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 15) {}

  /** Gives the event loop a turn if the current slice is used up; cheap to call often. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }

  /** Visits every item, pausing between slices. */
  async each<T>(items: Iterable<T>, visit: (item: T) => void): Promise<void> {
    let i = 0;
    for (const item of items) {
      visit(item);
      // The clock is read every 64 items: reading it costs more than some visits.
      if ((++i & 63) === 0) await this.pause();
    }
  }

  /** Array.prototype.filter, pausing between slices. */
  async filter<T>(items: readonly T[], keep: (item: T) => boolean): Promise<T[]> {
    const kept: T[] = [];
    await this.each(items, (item) => {
      if (keep(item)) kept.push(item);
    });
    return kept;
  }
}
