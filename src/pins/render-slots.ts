/**
 * Where the effect check's renders take turns: at most `limit` at once (the
 * machines have two cores, and kustomize and helm each keep one busy), and a
 * render that rewrites a file of the tree for a moment (a source's
 * kustomization with an Application's images, a pin's file as it was before
 * the edit) runs alone, so that no other render reads the tree meanwhile.
 * Turns are given in the order they were asked for.
 */
export class RenderSlots {
  private running = 0;
  private aloneRunning = false;
  private readonly waiting: Array<{ alone: boolean; start: () => void }> = [];

  constructor(private readonly limit = 2) {}

  /** Runs `work` beside at most limit − 1 others that leave the tree as it is. */
  shared<T>(work: () => Promise<T>): Promise<T> {
    return this.take(false, work);
  }

  /** Runs `work` with no other render running: it may change files of the tree, if it puts them back. */
  alone<T>(work: () => Promise<T>): Promise<T> {
    return this.take(true, work);
  }

  private take<T>(alone: boolean, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        alone,
        start: () => {
          Promise.resolve()
            .then(work)
            .then(resolve, reject)
            .finally(() => {
              this.running -= 1;
              if (alone) this.aloneRunning = false;
              this.next();
            });
        },
      });
      this.next();
    });
  }

  private next(): void {
    while (this.waiting.length > 0 && !this.aloneRunning) {
      const head = this.waiting[0];
      if (head.alone ? this.running > 0 : this.running >= this.limit) return;
      this.waiting.shift();
      this.running += 1;
      if (head.alone) this.aloneRunning = true;
      head.start();
    }
  }
}
