import { z } from 'zod';
import { isDossierCode, normalizeDossierCode } from './dossier-code';
import { parseDossierTime } from './dossier-time';
import type { LocalizedText } from './localized-text';

/** How a dossier was lodged: through the online public-service portal, or at a counter. */
export const DOSSIER_CHANNELS = ['online', 'in_person'] as const;
export type DossierChannel = (typeof DOSSIER_CHANNELS)[number];

/** The portal's rating scales: 3 levels (the national portal's) or 5. */
export const RATING_SCALES = [3, 5] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

function say(ctx: z.RefinementCtx, path: string, text: LocalizedText) {
  ctx.addIssue({ code: 'custom', path: [path], message: text.en, params: { vi: text.vi } });
}

const time = (dateOnly: 'start' | 'end') =>
  z.union([z.string(), z.date()]).transform((v, ctx) => {
    const d = v instanceof Date ? v : parseDossierTime(v, dateOnly);
    if (d && !Number.isNaN(d.getTime())) return d;
    say(ctx, '', {
      vi: 'Thời điểm không đọc được; ghi dạng 2026-03-02T08:15:00+07:00, 2026-03-02 08:15 hoặc 02/03/2026 08:15.',
      en: 'Unreadable time; write it as 2026-03-02T08:15:00+07:00, 2026-03-02 08:15 or 02/03/2026 08:15.',
    });
    return z.NEVER;
  });

const optionalTime = (dateOnly: 'start' | 'end') =>
  z
    .union([z.null(), z.literal(''), time(dateOnly)])
    .optional()
    .transform((v) => (v ? v : null));

const code = (max: number) => z.string().trim().min(1).max(max);

/**
 * One dossier as the one-stop system sends it (the batch API's JSON, or a sheet's row once its
 * columns are named): units and counters by their codes, times as text or instants. The state it
 * gives replaces any earlier state of the same dossier code.
 */
export const dossierInputSchema = z
  .object({
    code: z
      .string()
      .transform(normalizeDossierCode)
      .refine(isDossierCode, {
        message: 'Not a dossier code (TT 01/2018, TT 03/2025): e.g. 000.00.17.H31-260302-0001',
        params: { vi: 'Không phải mã hồ sơ (TT 01/2018, TT 03/2025), ví dụ 000.00.17.H31-260302-0001' },
      }),
    procedureCode: code(64),
    procedureName: z.string().trim().max(500).optional().default(''),
    /** A sector code of the province's list (land, health, …) or its Vietnamese name. */
    sector: code(100),
    /** The official code of the receiving unit. */
    unit: code(32),
    counter: z
      .string()
      .trim()
      .max(63)
      .optional()
      .transform((v) => v || null),
    decidingUnit: z
      .string()
      .trim()
      .max(32)
      .optional()
      .transform((v) => v || null),
    channel: z.enum(DOSSIER_CHANNELS),
    receivedAt: time('start'),
    dueAt: time('end'),
    finishedAt: optionalTime('start'),
    rating: z
      .union([z.null(), z.literal(''), z.coerce.number().int()])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    ratingScale: z
      .union([z.null(), z.literal(''), z.coerce.number().pipe(z.union([z.literal(3), z.literal(5)]))])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    complained: z.boolean().optional().default(false),
    complaintDueAt: optionalTime('end'),
    complaintAnsweredAt: optionalTime('start'),
    complaintSatisfied: z
      .boolean()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((d, ctx) => {
    if (d.rating !== null && d.ratingScale === null) {
      say(ctx, 'ratingScale', {
        vi: 'Có điểm đánh giá thì phải ghi thang (3 hoặc 5 mức).',
        en: 'A rating needs its scale (3 or 5 levels).',
      });
    }
    if (d.rating !== null && d.ratingScale !== null && (d.rating < 1 || d.rating > d.ratingScale)) {
      say(ctx, 'rating', { vi: `Điểm đánh giá phải từ 1 đến ${d.ratingScale}.`, en: `The rating must be 1 to ${d.ratingScale}.` });
    }
    if (d.dueAt < d.receivedAt) {
      say(ctx, 'dueAt', { vi: 'Hạn giải quyết sớm hơn lúc tiếp nhận.', en: 'The due time is before the dossier was received.' });
    }
    if (d.finishedAt && d.finishedAt < d.receivedAt) {
      say(ctx, 'finishedAt', {
        vi: 'Thời điểm trả kết quả sớm hơn lúc tiếp nhận.',
        en: 'The finish time is before the dossier was received.',
      });
    }
    if (d.complained && !d.complaintDueAt) {
      say(ctx, 'complaintDueAt', {
        vi: 'Hồ sơ có phản ánh thì phải có hạn trả lời phản ánh.',
        en: 'A complaint needs its answer due time.',
      });
    }
    if (!d.complained && (d.complaintDueAt || d.complaintAnsweredAt || d.complaintSatisfied !== null)) {
      say(ctx, 'complained', {
        vi: 'Có thông tin phản ánh nhưng chưa đánh dấu hồ sơ có phản ánh.',
        en: 'Complaint details are given but the dossier is not marked as complained about.',
      });
    }
  });
export type DossierInput = z.output<typeof dossierInputSchema>;
