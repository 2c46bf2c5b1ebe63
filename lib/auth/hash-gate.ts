// Each password hash takes 128 MiB and a core for a moment, so a flood of sign-in requests could
// exhaust the server's memory by itself. The gate lets a few hashes run at once per process; a
// sign-in that finds the short queue full is refused at once instead of piling up.

export const SERVER_BUSY = '服务器繁忙，请稍后再试。';

/** Thrown before any hashing when the gate is full; the request should be answered with HTTP 429. */
export class ServerBusyError extends Error {
  constructor() {
    super(SERVER_BUSY);
    this.name = 'ServerBusyError';
  }
}

export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly capacity: number,
    readonly queueLimit: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs task when a slot is free. With `refuseWhenFull`, a caller that would have to queue behind
   * `queueLimit` others gets ServerBusyError instead, and task never runs. Signed-in work (setting a
   * password) waits its turn; anonymous sign-in attempts are the ones that may be refused.
   */
  async run<T>(task: () => Promise<T>, { refuseWhenFull = false }: { refuseWhenFull?: boolean } = {}): Promise<T> {
    if (this.running >= this.capacity) {
      if (refuseWhenFull && this.waiting.length >= this.queueLimit) throw new ServerBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, so the count never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The process's one gate for scrypt: 4 at a time (512 MiB at most), 8 sign-ins waiting. */
export const passwordHashGate = new HashGate(4, 8);
