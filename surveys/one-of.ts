/** A type guard for a closed list of words: `isOneOf(ROLES)(value)` narrows value to a Role. */
export const isOneOf =
  <T extends string>(words: readonly T[]) =>
  (value: unknown): value is T =>
    (words as readonly unknown[]).includes(value);
