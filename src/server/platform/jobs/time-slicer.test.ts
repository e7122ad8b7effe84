import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { TimeSlicer } from './time-slicer.ts';

/** About a microsecond of work per call, without anything the optimiser can drop. */
function busy(n: number): boolean {
  let x = n;
  for (let i = 0; i < 60; i++) x = (x * 1103515245 + 12345) % 2147483648;
  return x % 2 === 0;
}

describe('TimeSlicer', () => {
  it('filters like Array.prototype.filter', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    expect(await new TimeSlicer().filter(items, (i) => i % 7 === 0)).toEqual(items.filter((i) => i % 7 === 0));
    expect(await new TimeSlicer().filter([], () => true)).toEqual([]);
  });

  it('lets a timer fire during a long pass', async () => {
    const items = Array.from({ length: 200_000 }, (_, i) => i);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    await new TimeSlicer(5).filter(items, busy);
    const ms = performance.now() - started;
    clearInterval(timer);
    // Unsliced, the timer could not fire until the pass ended; sliced, it fires about once per slice.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(ms / 50));
    expect(ticks).toBeGreaterThan(1);
  });

  it('keeps the event loop delay near the slice length', async () => {
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    await new TimeSlicer(5).filter(Array.from({ length: 200_000 }, (_, i) => i), busy);
    histogram.disable();
    // Nanoseconds. Generous bound for a loaded machine; an unsliced pass of this size holds the loop for far longer.
    expect(histogram.max / 1e6).toBeLessThan(100);
  });
});
