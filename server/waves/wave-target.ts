/**
 * Which target a wave is judged against: its sector's, or the overall target (null) for a wave of
 * no one sector ('other'), in force in the year the wave ends.
 */
export function waveTargetKey(wave: { sector_code: string; period_to: string }): { sector: string | null; year: number } {
  return { sector: wave.sector_code === 'other' ? null : wave.sector_code, year: Number(wave.period_to.slice(0, 4)) };
}
