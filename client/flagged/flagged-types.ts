import type { Answers } from '../../surveys/instrument-schema';
import type { Channel } from '../../surveys/channels';

/** GET /api/flagged (server/flagged/flagged.routes.ts); kept by hand. */
export interface FlaggedItem {
  id: number;
  submittedAt: string;
  counter: { code: string; name: string };
  sector: string;
  channel: Channel;
  /** Why it waits for a person: 'burst' today; a newer server may send a reason this app does not know yet. */
  flags: string[];
  satisfied: boolean | null;
  answers: Answers;
  comment: string | null;
}

export interface FlaggedList {
  total: number;
  items: FlaggedItem[];
}
