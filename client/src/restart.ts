// When a crashed language server is started again: after a growing delay, and only a few times in a while.
// Pure (no vscode): the clock is passed in, so the policy is tested without waiting.

/** Milliseconds since some fixed point; `Date.now` in the extension, a counter in the tests. */
export type Clock = () => number;

export interface RestartLimits {
  /** The delay before the first restart; each further one doubles it. */
  firstDelayMs: number;
  /** How many restarts within `windowMs`; a crash past that asks the user instead. */
  maxRestarts: number;
  /** Crashes older than this are forgotten. */
  windowMs: number;
}

/** 1 s, 2 s, 4 s, 8 s, then the user is asked: a server crashing on every start would otherwise loop forever. */
export const DEFAULT_LIMITS: RestartLimits = { firstDelayMs: 1000, maxRestarts: 4, windowMs: 3 * 60 * 1000 };

export class RestartPolicy {
  /** When each restart within the window was granted. */
  private restarts: number[] = [];

  constructor(
    readonly limits: RestartLimits = DEFAULT_LIMITS,
    private readonly now: Clock = Date.now,
  ) {}

  /**
   * The server crashed now: the delay before restarting it (recorded as a restart), or undefined when
   * it has been restarted `maxRestarts` times within the window already (recorded as nothing: asking
   * again gives the same answer until the oldest restart leaves the window, or `reset()`).
   */
  onCrash(): number | undefined {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < this.limits.windowMs);
    if (this.restarts.length >= this.limits.maxRestarts) return undefined;
    const delay = this.limits.firstDelayMs * 2 ** this.restarts.length;
    this.restarts.push(now);
    return delay;
  }

  /** A deliberate start (the user's, a new interpreter): the next crash waits the first delay again. */
  reset(): void {
    this.restarts = [];
  }
}
