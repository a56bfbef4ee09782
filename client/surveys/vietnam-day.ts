import { localDay } from '../../surveys/time';

/** The Vietnamese calendar day of an instant: a version effective from 00:00 in Vietnam is 17:00 UTC the day before. */
export const vietnamDay = (iso: string) => localDay(new Date(iso));
