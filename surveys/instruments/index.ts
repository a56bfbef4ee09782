import type { SurveyDefinition } from '../instrument-schema';
import { educationSurvey } from './education';
import { healthOutpatient } from './health-outpatient';
import { sipasCounterLong } from './sipas-counter-long';
import { sipasCounterShort } from './sipas-counter-short';

export { educationSurvey, healthOutpatient, sipasCounterLong, sipasCounterShort };

/** The built-in instruments; the database may hold later versions, seeded from these. */
export const INSTRUMENTS: readonly SurveyDefinition[] = [sipasCounterShort, sipasCounterLong, healthOutpatient, educationSurvey];

export function instrumentByKey(key: string): SurveyDefinition | undefined {
  return INSTRUMENTS.find((i) => i.key === key);
}

/**
 * Which instrument a new counter of a sector gets: health and education have their own ministries'
 * surveys; every other sector uses the short SIPAS counter form, which most QR users can finish in
 * a minute.
 */
export function DEFAULT_INSTRUMENT_FOR_SECTOR(sector: string): SurveyDefinition {
  if (sector === 'health') return healthOutpatient;
  if (sector === 'education') return educationSurvey;
  return sipasCounterShort;
}
