import type { DbHandle } from '../db/create-db';
import type { Role } from '../db/types';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  unit_id: number | null;
  tenant_id: number;
  tenant_name: string;
  tenant_is_demo: boolean;
}

export interface AppConfig {
  /** Signs form tokens; 32+ bytes, kept in the database unless HAILONG_SECRET is set. */
  secret: string;
  tokenTtlMinutes: number;
  /** The public base URL, when the server sits behind a proxy. */
  publicUrl?: string | undefined;
  /** Folder of the built analyst app (vite build), if served. */
  clientDir?: string | undefined;
}

export interface AppDeps {
  db: DbHandle;
  config: AppConfig;
}

export type AppEnv = { Variables: { user: SessionUser } };
