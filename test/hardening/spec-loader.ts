import { Worker } from 'node:worker_threads';

/** What loading one document came to: its operation count, or the error it threw. */
export type Loaded = { operations: number } | { name: string; code?: string; message: string } | { hung: number } | { crashed: string };

/** loadSpec in a worker thread: a case that does not settle within `boundMs` is reported as hung, not waited for. */
export class SpecLoader {
  #worker = this.#start();

  #start(): Worker {
    return new Worker(new URL('./load-spec-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  }

  load(file: string, boundMs: number): Promise<Loaded> {
    const worker = this.#worker;
    return new Promise((resolve) => {
      const done = (loaded: Loaded) => {
        clearTimeout(timer);
        worker.off('message', done).off('error', crashed);
        resolve(loaded);
      };
      const crashed = (error: Error) => {
        this.#worker = this.#start();
        done({ crashed: `${error.name}: ${error.message}` });
      };
      const timer = setTimeout(() => {
        void worker.terminate();
        this.#worker = this.#start();
        done({ hung: boundMs });
      }, boundMs);
      worker.on('message', done).on('error', crashed);
      worker.postMessage(file);
    });
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}
