/**
 * Bookkeeping a graceful stop needs: how many updates are being handled, and the last update id
 * getUpdates delivered (so the offset can be confirmed before exit).
 */
export class UpdateTracker {
  private inFlight = 0;
  private waiters: Array<() => void> = [];
  /** Highest update_id any getUpdates call returned; -1 before the first. */
  lastFetchedId = -1;

  begin(): void {
    this.inFlight++;
  }

  end(): void {
    this.inFlight--;
    if (this.inFlight === 0) {
      const w = this.waiters;
      this.waiters = [];
      for (const resolve of w) resolve();
    }
  }

  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once no update is being handled. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
