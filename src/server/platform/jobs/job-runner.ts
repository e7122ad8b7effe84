/**
 * A small in-process job runner: one loop that asks each job to do one unit
 * of work, again at once while there is work, and every `idleMs` when there
 * is none. A job claims its work in the database (FOR UPDATE SKIP LOCKED) and
 * does each unit in its own transaction, so several processes can run the
 * loop side by side, and a unit cut short by a stop or a crash is simply done
 * again by the next run.
 */

export interface Job {
  readonly name: string;
  /** Claims and does one unit of work; true if there was work (ask again at once). */
  step(): Promise<boolean>;
}

export interface JobRunnerOptions {
  /** Pause when no job had work. */
  idleMs?: number;
  /** Pause after a job failed, so a broken job does not spin. */
  errorBackoffMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export class JobRunner {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly idleMs: number;
  private readonly errorBackoffMs: number;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly jobs: readonly Job[], options: JobRunnerOptions = {}) {
    this.idleMs = options.idleMs ?? 1000;
    this.errorBackoffMs = options.errorBackoffMs ?? 5000;
    this.log = options.log ?? (() => undefined);
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the current unit of work finish (its transaction commits or rolls back), then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = undefined;
  }

  /** Ends an idle pause early: call after queuing work. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      let failed = false;
      for (const job of this.jobs) {
        if (!this.running) break;
        try {
          worked = (await job.step()) || worked;
        } catch (error) {
          failed = true;
          this.log(`job ${job.name} failed`, error);
        }
      }
      if (this.running && (!worked || failed)) await this.pause(failed ? this.errorBackoffMs : this.idleMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
