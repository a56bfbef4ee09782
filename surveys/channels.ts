import type { LocalizedText } from './localized-text';
import { isOneOf } from './one-of';

/**
 * How an answer arrived: a phone at the QR code, the counter's kiosk, an interviewer, the web, or
 * a paper form typed in later (an import).
 */
export const CHANNELS = ['qr', 'kiosk', 'interviewer', 'web', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels a citizen answers through on their own; an interviewer's answers come by the wave. */
export const CITIZEN_CHANNELS = ['qr', 'kiosk', 'web'] as const satisfies readonly Channel[];

/**
 * The channels an import may give its rows (its `channel` column): paper forms, or interviews
 * typed in from an interviewer's notes. A file cannot pass itself off as citizens' own answers.
 */
export const IMPORT_CHANNELS = ['paper', 'interviewer'] as const satisfies readonly Channel[];
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

export const isChannel = isOneOf(CHANNELS);
export const isImportChannel = isOneOf(IMPORT_CHANNELS);

/** A channel as exports and reports label it. */
export const CHANNEL_NAMES: Record<Channel, LocalizedText> = {
  qr: { vi: 'Quét mã QR', en: 'QR code' },
  kiosk: { vi: 'Máy tại quầy', en: 'Counter kiosk' },
  interviewer: { vi: 'Điều tra viên', en: 'Interviewer' },
  web: { vi: 'Trang web', en: 'Web' },
  paper: { vi: 'Phiếu giấy', en: 'Paper form' },
};
