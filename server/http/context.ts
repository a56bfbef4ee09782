import type { DbHandle } from '../../db/create-db';
import type { ApiKeyScope } from '../../surveys/api-key-scopes';
import type { Role } from '../../surveys/roles';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  unit_id: number | null;
  tenant_id: number;
  tenant_name: string;
  tenant_is_demo: boolean;
}

/** A machine client's API key, once a machine route has authenticated it (server/auth/api-key-auth.ts). */
export interface ApiKeyCaller {
  id: number;
  tenantId: number;
  name: string;
  prefix: string;
  /** The path of the unit subtree the key may send for; undefined: the whole tenant. */
  unitPath: string | undefined;
  scopes: ApiKeyScope[];
}

export interface AppConfig {
  /** Signs form tokens; 32+ bytes, kept in the database unless HAILONG_SECRET is set. */
  secret: string;
  tokenTtlMinutes: number;
  /** The public base URL, when the server sits behind a proxy. */
  publicUrl?: string | undefined;
  visits: VisitRules;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Days a unit has to answer a complaint case (phản ánh, kiến nghị) before it is overdue. */
  caseDueDays: number;
  /** Folder of the built analyst app (vite build), if served. */
  clientDir?: string | undefined;
}

/** One visit, one answer: when answers are flagged as a burst, and the kiosk's pace. */
export interface VisitRules {
  /** More than this many answers from one address or browser at one counter within the window are flagged. */
  burstMax: number;
  burstWindowMinutes: number;
  kioskIntervalSeconds: number;
  /** A half-filled kiosk form left alone this long is cleared for the next person. */
  kioskIdleSeconds: number;
}

export const DEFAULT_VISIT_RULES: VisitRules = { burstMax: 5, burstWindowMinutes: 10, kioskIntervalSeconds: 10, kioskIdleSeconds: 60 };

export interface AppDeps {
  db: DbHandle;
  config: AppConfig;
}

export type AppEnv = {
  Variables: {
    user: SessionUser;
    apiKey: ApiKeyCaller;
    /** The page to answer with if the database fails now: one that keeps what the person entered. */
    busyPage: (() => string) | undefined;
  };
};
