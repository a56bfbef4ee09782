import type { CounterDetail } from '../../db/counters';
import type { CounterFields } from '../../surveys/counter-sheet';

/** A counter as GET /api/counters and the answers of its changes show it. */
export function counterView(c: CounterDetail) {
  return {
    code: c.code,
    name: c.name,
    unit: { id: c.unit_id, code: c.unit_code, name: c.unit_name },
    sectors: c.sectors,
    survey: { key: c.survey_key, version: c.survey_version, title: c.survey_title },
    kiosk: c.kiosk,
    retired: c.retired_at !== null,
    retiredAt: c.retired_at?.toISOString() ?? null,
    // Retired counters have no poster (server/posters/ refuses them).
    posterUrl: c.retired_at === null ? `/posters/${encodeURIComponent(c.code)}` : null,
  };
}

/** The fields an edit compares and the audit log records. */
export function counterFields(c: CounterDetail): CounterFields {
  return {
    name: c.name,
    unit: { id: c.unit_id, code: c.unit_code },
    sectors: c.sectors,
    survey: c.survey_key,
    kiosk: c.kiosk,
    retired: c.retired_at !== null,
  };
}
