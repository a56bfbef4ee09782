import type { Verdict } from '../../surveys/statistics';
import type { Lang } from './i18n';
import { verdictText } from './verdict';

/** The verdict word on a tinted pill; styles.css adds a ✓ / ✗ / … symbol so colour is never the only cue. */
export function VerdictBadge({ verdict, lang, of = 'answers' }: { verdict: Verdict; lang: Lang; of?: 'answers' | 'dossiers' }) {
  return <span class={`verdict verdict-${verdict}`}>{verdictText(verdict, lang, of)}</span>;
}
