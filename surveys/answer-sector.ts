/**
 * The sector an answer counts for: the one the person named, or the first the counter (or wave)
 * serves when none was named; undefined when the one named is not served there.
 */
export function answerSector(named: string | undefined, served: readonly string[]): string | undefined {
  const sector = named ?? served[0];
  return sector !== undefined && served.includes(sector) ? sector : undefined;
}
