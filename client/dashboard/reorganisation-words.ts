import { formatDay } from '../app/format';
import { t, type Lang } from '../app/i18n';
import type { Reorganisation } from './dashboard-types';

const names = (units: Reorganisation['from']) => units.map((u) => u.name).join(', ');

const inPlace = (r: Reorganisation) => r.kind === 'rename' || r.kind === 'move';

/** A reorganisation in a few words: "01/07/2025: Phường Hiến Nam, Phường An Tảo sáp nhập → Phường Phố Hiến". */
export function reorganisationWords(r: Reorganisation, lang: Lang): string {
  return `${formatDay(r.day, lang)}: ${names(r.from)} ${t(lang, `reorg_${r.kind}`)}${inPlace(r) ? '' : ` → ${names(r.to)}`}`;
}

/** The same, short enough for a mark on a chart: "sáp nhập → Phường Phố Hiến". */
export function reorganisationMark(r: Reorganisation, lang: Lang): string {
  return inPlace(r) ? `${names(r.to)} ${t(lang, `reorg_${r.kind}`)}` : `${t(lang, `reorg_${r.kind}`)} → ${names(r.to)}`;
}
