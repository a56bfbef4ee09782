import { z } from 'zod';
import type { ActiveCounter } from '../../db/counters';
import { findResponseIdByClientKey, storeResponses, TokenAlreadyUsedError } from '../../db/responses';
import type { Channel, Database } from '../../db/types';
import type { Kysely } from 'kysely';
import { SECTOR_ERROR_KEY, validateSubmission } from '../../surveys/answers-schema';
import type { LocalizedText } from '../../surveys/instrument-schema';
import { respondentSatisfied } from '../../surveys/scoring';
import { RequestError } from '../errors';
import { checkFormToken } from './form-token';

/** The submission contract shared by the HTML form and the JSON API. */
export const submissionEnvelope = z.object({
  clientKey: z
    .string({ error: 'clientKey is required: a random id the client keeps, so a retry is stored once' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientKey must be 8–64 letters, digits, "-" or "_"'),
  token: z.string({ error: 'token is required: take it from GET /q/:code' }).min(1).max(500),
  answers: z.unknown(),
  comment: z.string().optional(),
  dossierCode: z.string().optional(),
  sector: z.string().optional(),
  channel: z.enum(['qr', 'kiosk', 'web']).default('qr'),
});
export type SubmissionEnvelope = z.output<typeof submissionEnvelope>;

export const TOKEN_ERROR_KEY = '_token';

const TOKEN_MESSAGES: Record<string, LocalizedText> = {
  expired: {
    vi: 'Phiếu đã mở quá lâu nên hết hạn. Các câu trả lời vẫn được giữ; xin bấm Gửi lại.',
    en: 'The form was open too long and expired. Your answers are kept; please press Send again.',
  },
  other_counter: {
    vi: 'Phiếu này thuộc quầy khác. Xin quét lại mã QR tại quầy bạn vừa giao dịch.',
    en: 'This form belongs to another counter. Please scan the QR code at the counter you used.',
  },
  invalid: {
    vi: 'Phiếu không hợp lệ. Xin tải lại trang và trả lời lại.',
    en: 'The form is not valid. Please reload the page and answer again.',
  },
};

const TOKEN_USED: LocalizedText = {
  vi: 'Phiếu này đã được gửi rồi. Cảm ơn bạn! Mỗi lần giao dịch chỉ đánh giá một lần.',
  en: 'This form was already sent. Thank you! Each visit is rated once.',
};

export interface SubmitContext {
  db: Kysely<Database>;
  secret: string;
  tokenTtlMinutes: number;
  now?: Date;
}

/**
 * Checks a submission against the counter and its survey version and stores it through the one
 * writer path. A client key already stored returns the first result before anything else is
 * checked, so a retry after a lost acknowledgement always succeeds.
 */
export async function submitResponse(
  ctx: SubmitContext,
  counter: ActiveCounter,
  envelope: SubmissionEnvelope,
  channel: Channel = envelope.channel,
): Promise<{ id: number; replay: boolean }> {
  const now = ctx.now ?? new Date();
  const firstId = await findResponseIdByClientKey(ctx.db, counter.tenant_id, envelope.clientKey);
  if (firstId !== undefined) return { id: firstId, replay: true };

  const check = checkFormToken(ctx.secret, envelope.token, counter.id, ctx.tokenTtlMinutes, now.getTime());
  if (!check.ok) {
    const text = TOKEN_MESSAGES[check.reason] ?? TOKEN_MESSAGES.invalid!;
    throw new RequestError(422, text, { [TOKEN_ERROR_KEY]: text });
  }

  const def = counter.surveyVersion.definition;
  const parsed = validateSubmission(def, {
    answers: envelope.answers,
    comment: envelope.comment,
    dossierCode: envelope.dossierCode,
    sector: envelope.sector,
  });
  if (!parsed.ok) throw invalid(parsed.errors);
  const sector = parsed.submission.sector ?? counter.sectors[0];
  if (!sector || !counter.sectors.includes(sector)) {
    throw invalid({
      [SECTOR_ERROR_KEY]: {
        vi: `Quầy này phục vụ các lĩnh vực: ${counter.sectors.join(', ')}. Xin chọn một trong số đó.`,
        en: `This counter serves: ${counter.sectors.join(', ')}. Please choose one of them.`,
      },
    });
  }

  try {
    const [stored] = await storeResponses(ctx.db, [
      {
        tenant_id: counter.tenant_id,
        survey_version_id: counter.surveyVersion.id,
        counter_id: counter.id,
        unit_id: counter.unit_id,
        sector_code: sector,
        channel,
        submitted_at: now,
        answers: parsed.submission.answers,
        comment: parsed.submission.comment ?? null,
        dossier_code: parsed.submission.dossierCode ?? null,
        client_key: envelope.clientKey,
        token_id: check.token.nonce,
        satisfied: respondentSatisfied(def, parsed.submission.answers),
      },
    ]);
    return stored!;
  } catch (error) {
    if (error instanceof TokenAlreadyUsedError) throw new RequestError(409, TOKEN_USED, { [TOKEN_ERROR_KEY]: TOKEN_USED });
    throw error;
  }
}

function invalid(fields: Record<string, LocalizedText>): RequestError {
  return new RequestError(
    422,
    { vi: 'Phiếu chưa gửi được: xin xem lại các câu được đánh dấu.', en: 'Not sent yet: please check the marked questions.' },
    fields,
  );
}
