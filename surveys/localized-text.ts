import { z } from 'zod';

/** Text in Vietnamese first, English beside it: every label, message and name a person reads. */
export const localizedText = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedText>;
