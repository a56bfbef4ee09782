/** The cache the citizen form lives in offline; a new name drops the old copies. */
export const CITIZEN_CACHE = 'hailong-citizen-v1';
