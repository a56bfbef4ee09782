/** Milliseconds each of `runs` sequential calls took, after a short warm-up. */
export async function timeRequests(call: () => Response | Promise<Response>, runs: number): Promise<number[]> {
  for (let i = 0; i < Math.min(50, runs); i++) await (await call()).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await (await call()).arrayBuffer();
    times.push(performance.now() - start);
  }
  return times;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
