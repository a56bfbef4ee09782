import { z } from 'zod';
import { isIsoDay } from './time';

/** A calendar day as the API takes it, 'YYYY-MM-DD' (2023-02-30 is refused). */
export const daySchema = z.string().refine(isIsoDay, 'use a date as YYYY-MM-DD, e.g. 2026-03-14');

/** A range of days is read forwards: "from" not after "to" (either may be left out). */
export const inOrder = (range: { from?: string | undefined; to?: string | undefined }) =>
  !range.from || !range.to || range.from <= range.to;
export const IN_ORDER = { message: '"from" must not be after "to"', path: ['from'] };
