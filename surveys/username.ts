/** An account's login name: 3–64 lower-case letters, digits, ".", "_" or "-". */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const USERNAME_RULE = 'use 3–64 lower-case letters, digits, ".", "_" or "-"';
