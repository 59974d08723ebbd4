// The pages an OCR engine has in flight, each with a signal that fires when the engine is stopped, so
// that every page settles (as failed) although p-queue drops the pages its `clear()` removes. Each signal
// is dropped once its page settles: a long-lived engine holds nothing of the pages it has read.

export class PageStops {
  private readonly fires = new Set<() => void>();

  /** A promise that resolves when stopAll() runs, and its release for when the page no longer needs it. */
  signal(): { stopped: Promise<'stopped'>; release: () => void } {
    let fire: () => void = () => undefined;
    const stopped = new Promise<'stopped'>((resolve) => {
      fire = () => resolve('stopped');
    });
    this.fires.add(fire);
    return { stopped, release: () => this.fires.delete(fire) };
  }

  stopAll(): void {
    for (const fire of this.fires) fire();
    this.fires.clear();
  }
}
