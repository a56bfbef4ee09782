/**
 * A bound on the password hashes a process runs at once, with a short line of places waiting
 * behind them. A login takes a place before anything else (so a flood costs the database nothing
 * either), or is refused at once when all are taken. scrypt holds 32 MiB and a core for a good
 * tenth of a second per hash, on libuv's thread pool (4 threads, shared with file and DNS work):
 * unbounded, 300 logins of unknown names pushed the process to 336 MB and citizens' p99 to 22 s.
 */
export interface HashSlots {
  /** A place among the running and waiting hashes, or null when every place is taken. */
  take(): HashPlace | null;
  /** Hashes running now (never more than `concurrency`). */
  readonly running: number;
}

export interface HashPlace {
  /** Waits for a turn (first come, first served), runs the hash, and gives the place back. */
  run<T>(hash: () => Promise<T>): Promise<T>;
  /** Gives the place back unused, e.g. when the login was refused before hashing; harmless twice. */
  release(): void;
}

export function createHashSlots({ concurrency, queue }: { concurrency: number; queue: number }): HashSlots {
  let taken = 0;
  let running = 0;
  const turns: (() => void)[] = [];
  const startNext = () => {
    while (running < concurrency && turns.length > 0) {
      running++;
      turns.shift()!();
    }
  };
  return {
    get running() {
      return running;
    },
    take() {
      if (taken >= concurrency + queue) return null;
      taken++;
      let given = false;
      const release = () => {
        if (given) return;
        given = true;
        taken--;
      };
      return {
        release,
        async run(hash) {
          if (given) throw new Error('this hashing place was already given back');
          await new Promise<void>((turn) => {
            turns.push(turn);
            startNext();
          });
          try {
            return await hash();
          } finally {
            running--;
            release();
            startNext();
          }
        },
      };
    },
  };
}
