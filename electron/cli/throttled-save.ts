/**
 * Saves at most once per `intervalMs` however often it is asked, and never two saves at once: a request
 * during a save (or too soon after one) is done once, later. A killed process therefore loses at most the
 * last interval's runs, and a long sweep does not spend its time rewriting the file.
 */
export class ThrottledSave {
  private lastAt = -Infinity;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wanted = false;
  /** The last save's failure, if the last save failed (the next one may succeed). */
  error: Error | null = null;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly intervalMs = 2000,
  ) {}

  request(): void {
    this.wanted = true;
    if (this.running || this.timer) return;
    const wait = this.lastAt + this.intervalMs - Date.now();
    if (wait <= 0) return void this.run();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, wait);
  }

  /** Saves now (after any save under way), whatever the interval: the last save of a command. */
  async flush(): Promise<void> {
    await this.running;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wanted = true;
    await this.run();
    if (this.error) throw this.error;
  }

  private run(): Promise<void> {
    if (this.running || !this.wanted) return this.running ?? Promise.resolve();
    this.wanted = false;
    this.running = this.save()
      .then(
        () => void (this.error = null),
        (err: unknown) => void (this.error = err instanceof Error ? err : new Error(String(err))),
      )
      .finally(() => {
        this.lastAt = Date.now();
        this.running = null;
        if (this.wanted) this.request();
      });
    return this.running;
  }
}
