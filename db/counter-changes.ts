/**
 * A process-wide generation number that every write changing what a citizen page shows bumps:
 * a counter's name, sectors or kiosk flag, its survey's versions, its tenant's retention period.
 * Caches of active counters remember the generation they loaded under and drop anything older,
 * so an edit made in this process shows on the very next request. Edits made by another process
 * (or by hand in SQL) are seen when the cache's short time-to-live runs out.
 */
let generation = 0;

export function noteCounterChange(): void {
  generation++;
}

export function counterGeneration(): number {
  return generation;
}
