import { describe, expect, it } from 'vitest';
import { createHashSlots } from '../../server/auth/hash-slots';

/** A hash that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, hash: async () => opened };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('hash slots', () => {
  it('runs at most `concurrency` hashes, queues `queue` more in order, and refuses the next place at once', async () => {
    const slots = createHashSlots({ concurrency: 2, queue: 2 });
    const places = [slots.take(), slots.take(), slots.take(), slots.take()];
    expect(places.every((p) => p !== null)).toBe(true);
    expect(slots.take()).toBeNull();
    const gates = places.map(() => gate());
    const order: number[] = [];
    const runs = places.map((p, i) =>
      p!.run(async () => {
        order.push(i);
        await gates[i]!.hash();
        return i;
      }),
    );
    await tick();
    expect(slots.running).toBe(2);
    expect(order).toEqual([0, 1]);
    gates[1]!.open();
    await runs[1];
    await tick();
    expect(order).toEqual([0, 1, 2]);
    expect(slots.running).toBe(2);
    // A place freed by a finished hash is offered again.
    expect(slots.take()).not.toBeNull();
    expect(slots.take()).toBeNull();
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(slots.running).toBe(0);
  });

  it('gives a place back when released unused (once, however often released) or when the hash fails', async () => {
    const slots = createHashSlots({ concurrency: 1, queue: 0 });
    const place = slots.take()!;
    expect(slots.take()).toBeNull();
    place.release();
    place.release();
    const again = slots.take()!;
    expect(slots.take()).toBeNull();
    await expect(again.run(async () => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(slots.running).toBe(0);
    const third = slots.take();
    expect(third).not.toBeNull();
    expect(slots.take()).toBeNull();
    await expect(place.run(async () => 1)).rejects.toThrow('already given back');
  });
});
