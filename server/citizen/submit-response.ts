import { z } from 'zod';
import { buildResponse, counterTarget } from '../../db/build-response';
import type { ActiveCounter } from '../../db/counters';
import type { ResponseBatcher } from '../../db/response-batcher';
import { findResponseCase } from '../../db/cases';
import {
  DossierAlreadyRatedError,
  findResponseIdByClientKey,
  TokenAlreadyUsedError,
  type BurstRule,
  type FollowUpCase,
} from '../../db/responses';
import type { ActivityQuery, SourceActivity } from '../../db/visit-signals';
import type { Database } from '../../db/types';
import type { Kysely } from 'kysely';
import { DOSSIER_ERROR_KEY, SECTOR_ERROR_KEY, validateSubmission } from '../../surveys/answers-schema';
import { answerSector } from '../../surveys/answer-sector';
import { CITIZEN_CHANNELS, type Channel } from '../../surveys/channels';
import { clientKeySchema } from '../../surveys/client-key';
import type { LocalizedText } from '../../surveys/localized-text';
import { localDay } from '../../surveys/time';
import { autoCaseReason, caseDueAt } from '../cases/case-opening';
import type { VisitRules } from '../http/context';
import { RequestError } from '../http/errors';
import { contactField, contactRequest } from './contact-request';
import { checkFormToken } from './form-token';
import { sourceHash } from '../http/source-hash';
import { freeText } from '../http/nul-bytes';
import type { OpenedCase } from './thank-you';

/** The submission contract shared by the HTML form and the JSON API. */
export const submissionEnvelope = z.object({
  clientKey: clientKeySchema(
    'clientKey',
    z.string({ error: 'clientKey is required: a random id the client keeps, so a retry is stored once' }),
  ),
  token: z.string({ error: 'token is required: take it from GET /q/:code' }).min(1).max(500),
  answers: z.unknown(),
  comment: freeText().optional(),
  dossierCode: z.string().optional(),
  sector: z.string().optional(),
  channel: z.enum(CITIZEN_CHANNELS).default('qr'),
  /** A random key the browser keeps for itself; only its daily-rotating hash is stored. */
  deviceKey: clientKeySchema('deviceKey').optional(),
  /** A phone number to be called back about a complaint; never stored with the answers. */
  contact: contactField,
});
export type SubmissionEnvelope = z.output<typeof submissionEnvelope>;

export const TOKEN_ERROR_KEY = '_token';

const TOKEN_MESSAGES: Record<string, LocalizedText> = {
  expired: {
    vi: 'Phiếu đã mở quá lâu nên hết hạn. Các câu trả lời vẫn được giữ; xin bấm Gửi lại.',
    en: 'The form was open too long and expired. Your answers are kept; please press Send again.',
  },
  other_counter: {
    vi: 'Phiếu này thuộc quầy khác. Xin quét lại mã QR tại quầy Ông/Bà vừa giao dịch.',
    en: 'This form belongs to another counter. Please scan the QR code at the counter you used.',
  },
  invalid: {
    vi: 'Phiếu không hợp lệ. Xin tải lại trang và trả lời lại.',
    en: 'The form is not valid. Please reload the page and answer again.',
  },
};

export const DOSSIER_RATED: LocalizedText = {
  vi: 'Hồ sơ này đã được đánh giá rồi. Cảm ơn Ông/Bà! Mỗi hồ sơ chỉ đánh giá một lần.',
  en: 'This dossier has already been rated. Thank you! Each dossier is rated once.',
};

/**
 * A kiosk answer sooner than the pause after the last one. Nothing is stored and the token is not
 * spent: the same answer (same client key) is taken once the pause is over.
 */
export class KioskPauseError extends RequestError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, {
      vi: `Máy đánh giá tại quầy nghỉ vài giây giữa hai lượt nên chưa nhận phiếu này. Các câu trả lời của Ông/Bà vẫn được giữ: xin bấm Gửi đánh giá lại sau ${retryAfterSeconds} giây.`,
      en: `The counter tablet pauses a few seconds between two answers, so this one was not taken yet. Your answers are kept: please press Send rating again in ${retryAfterSeconds} seconds.`,
    });
  }
}

const TOKEN_USED: LocalizedText = {
  vi: 'Phiếu này đã được gửi rồi. Cảm ơn Ông/Bà! Mỗi lần giao dịch chỉ đánh giá một lần.',
  en: 'This form was already sent. Thank you! Each visit is rated once.',
};

export interface SubmitContext {
  db: Kysely<Database>;
  /** The one writer path, committing submissions that arrive together in one transaction. */
  writer: ResponseBatcher;
  /** Recent answers from one sender at one counter (for the kiosk pause; burst flags are the writer's). */
  activity: (query: ActivityQuery) => Promise<SourceActivity>;
  secret: string;
  tokenTtlMinutes: number;
  visits: VisitRules;
  /** The sender's address, hashed before anything is stored. */
  address: string | null;
  /** Days a unit has to answer a complaint case. */
  caseDueDays: number;
  now?: Date;
}

/** A stored submission: its id (never shown to the citizen), whether it was a replay, and its case. */
export interface StoredSubmission {
  id: number;
  replay: boolean;
  openedCase: OpenedCase | null;
}

/**
 * Checks a submission against the counter and its survey version and stores it through the one
 * writer path. A client key already stored returns the first result whatever else would refuse
 * it now (an expired token, the kiosk pause), so a retry after a lost acknowledgement always
 * succeeds. The writer spots replays itself; the lookup here is paid only on the refusal path.
 */
export async function submitResponse(
  ctx: SubmitContext,
  counter: ActiveCounter,
  envelope: SubmissionEnvelope,
  channel: Channel = envelope.channel,
): Promise<StoredSubmission> {
  let stored: { id: number; replay: boolean; openedCase?: OpenedCase | null };
  try {
    stored = await checkAndStore(ctx, counter, envelope, channel);
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    const firstId = await findResponseIdByClientKey(ctx.db, counter.tenant_id, envelope.clientKey);
    if (firstId === undefined) throw error;
    stored = { id: firstId, replay: true };
  }
  // A replay says again what the first submission was told: its case was opened back then.
  if (stored.openedCase === undefined) {
    const opened = await findResponseCase(ctx.db, counter.tenant_id, stored.id);
    stored.openedCase = opened ? { dueAt: opened.due_at, callBack: opened.call_back } : null;
  }
  return { id: stored.id, replay: stored.replay, openedCase: stored.openedCase };
}

async function checkAndStore(
  ctx: SubmitContext,
  counter: ActiveCounter,
  envelope: SubmissionEnvelope,
  channel: Channel,
): Promise<{ id: number; replay: boolean; openedCase?: OpenedCase | null }> {
  const now = ctx.now ?? new Date();
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
  const contact = contactRequest(envelope.contact, now);
  if (!parsed.ok || !contact.ok) throw invalid({ ...(parsed.ok ? {} : parsed.errors), ...(contact.ok ? {} : contact.errors) });
  const sector = answerSector(parsed.submission.sector, counter.sectors);
  if (!sector) {
    throw invalid({
      [SECTOR_ERROR_KEY]: {
        vi: `Quầy này phục vụ các lĩnh vực: ${counter.sectors.join(', ')}. Xin chọn một trong số đó.`,
        en: `This counter serves: ${counter.sectors.join(', ')}. Please choose one of them.`,
      },
    });
  }

  const day = localDay(now);
  const originHash = sourceHash(ctx.secret, day, 'origin', ctx.address);
  const deviceHash = sourceHash(ctx.secret, day, 'device', envelope.deviceKey ?? null);
  const burst = await visitRule(ctx, counter.id, channel, now, originHash, deviceHash);
  const comment = parsed.submission.comment ?? null;
  const caseReason = autoCaseReason(def, parsed.submission.answers, { comment, contact: contact.contact !== undefined });
  // The case (and the phone, kept apart from the answers) commits with the response or not at all.
  // A burst-flagged answer opens one too: people on one office Wi-Fi look like a burst, and a
  // missed complaint costs more than a spurious case an analyst closes with a reason.
  const followUp: FollowUpCase | undefined = caseReason
    ? {
        item: {
          tenant_id: counter.tenant_id,
          unit_id: counter.unit_id,
          opened_by: 'auto',
          reason: caseReason,
          created_at: now,
          due_at: caseDueAt(now, ctx.caseDueDays),
        },
        contact: contact.contact,
      }
    : undefined;

  try {
    const stored = await ctx.writer.write(
      buildResponse(
        counterTarget(counter),
        { ...parsed.submission, sector },
        { channel, submittedAt: now, clientKey: envelope.clientKey, tokenId: check.token.nonce, originHash, deviceHash },
      ),
      followUp,
      burst,
    );
    if (stored.replay) return stored;
    const openedCase = followUp ? { dueAt: followUp.item.due_at, callBack: followUp.contact !== undefined } : null;
    return { ...stored, openedCase };
  } catch (error) {
    if (error instanceof TokenAlreadyUsedError) throw new RequestError(409, TOKEN_USED, { [TOKEN_ERROR_KEY]: TOKEN_USED });
    if (error instanceof DossierAlreadyRatedError) {
      throw new RequestError(409, DOSSIER_RATED, { [DOSSIER_ERROR_KEY]: DOSSIER_RATED });
    }
    throw error;
  }
}

/**
 * Bursts (more than `burstMax` answers from one address or browser at one counter within the
 * window) are stored but flagged, and stay out of official rates until an analyst clears them:
 * the writer checks the rule returned here in the transaction that stores the answer. A kiosk
 * tablet is one device by design, so it is paced instead: too soon after the last answer is
 * refused, before anything is written.
 */
async function visitRule(
  ctx: SubmitContext,
  counterId: number,
  channel: Channel,
  now: Date,
  originHash: string | null,
  deviceHash: string | null,
): Promise<BurstRule | undefined> {
  if (!originHash && !deviceHash) return undefined;
  const { burstMax, burstWindowMinutes, kioskIntervalSeconds } = ctx.visits;
  const windowMs = Math.max(burstWindowMinutes * 60_000, kioskIntervalSeconds * 1000);
  const since = new Date(now.getTime() - windowMs);
  if (channel === 'kiosk') {
    // The tablet's own key when it has one, so phones on the office Wi-Fi do not pace the kiosk.
    const activity = await ctx.activity({ counterId, deviceHash, originHash: deviceHash ? null : originHash, since });
    const sinceLast = activity.lastAt ? now.getTime() - activity.lastAt.getTime() : Infinity;
    const waitMs = kioskIntervalSeconds * 1000 - sinceLast;
    if (waitMs > 0) throw new KioskPauseError(Math.ceil(waitMs / 1000));
    return undefined;
  }
  return { max: burstMax, since };
}

function invalid(fields: Record<string, LocalizedText>): RequestError {
  return new RequestError(
    422,
    { vi: 'Phiếu chưa gửi được: xin xem lại các câu được đánh dấu.', en: 'Not sent yet: please check the marked questions.' },
    fields,
  );
}
