/** A counter's public code, the last part of its QR address /q/<code>: e.g. demo-land. */
export const COUNTER_CODE_SOURCE = '[a-z0-9][a-z0-9-]{1,62}';
export const COUNTER_CODE_PATTERN = new RegExp(`^${COUNTER_CODE_SOURCE}$`);

export const isCounterCode = (value: string) => COUNTER_CODE_PATTERN.test(value);
