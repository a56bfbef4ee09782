import type { Meta } from '../app/api-types';
import { formatCount, formatDay, formatPercent, formatPoints, formatRate, formatTarget } from '../app/format';
import { t, type Lang } from '../app/i18n';
import { followLink } from '../app/links';
import { sectorLabel } from '../app/sector-display';
import type { Alert } from './dashboard-types';

interface Props {
  alerts: Alert[];
  asOf: string;
  meta: Meta | null;
  lang: Lang;
  /** Where a click on an alert goes: its sector and unit, filtered. */
  hrefOf: (alert: Alert) => string;
  onOpen: (href: string) => void;
}

/**
 * Sector × unit pairs that need a look: below target over the last 30 days with enough answers,
 * or fallen more than 5 points against the 30 days before; a pair with both reasons is one line
 * naming both. Worst first, in words and numbers.
 */
export function AlertsList({ alerts, asOf, meta, lang, hrefOf, onOpen }: Props) {
  if (alerts.length === 0) {
    return (
      <p class="state-message empty" data-testid="no-alerts">
        {t(lang, 'noAlerts')}
      </p>
    );
  }
  const ordered = [...alerts].sort((a, b) => a.current.rate - a.current.target - (b.current.rate - b.current.target));
  return (
    <ul class="alerts" data-testid="alerts">
      {ordered.map((a) => {
        const href = hrefOf(a);
        return (
          <li
            key={`${a.sector}-${a.unitId}`}
            class={`alert alert-${a.kinds[0]}`}
            data-kind={a.kinds.join(' ')}
            data-sector={a.sector}
            data-unit={a.unitId}
          >
            {a.kinds.map((kind) => (
              <span key={kind} class="alert-kind" data-reason={kind}>
                {t(lang, kind === 'below_target' ? 'alertBelow' : 'alertDropped')}
              </span>
            ))}
            <a class="alert-what" href={href} onClick={followLink(href, onOpen)}>
              {sectorLabel({ key: a.sector, label: a.sectorLabel }, meta, lang)} — {a.unitName}
            </a>
            <span class="alert-figures">
              <strong data-col="rate" data-value={a.current.rate}>
                {formatRate(a.current.rate, a.current.target, lang)}
              </strong>{' '}
              <span class="muted">
                ({t(lang, 'target')}{' '}
                <span data-col="target" data-value={a.current.target}>
                  {formatTarget(a.current.target, lang)}
                </span>
                {', '}n ={' '}
                <span data-col="n" data-value={a.current.n}>
                  {formatCount(a.current.n, lang)}
                </span>
                )
              </span>
              {a.drop !== null && a.previous.rate !== null && (
                <span class="alert-drop" data-col="drop" data-value={a.drop}>
                  {' '}
                  {formatPoints(-a.drop, lang)} {t(lang, 'points')} ({t(lang, 'before30')}: {formatPercent(a.previous.rate, lang)})
                </span>
              )}
            </span>
          </li>
        );
      })}
      <li class="alerts-asof muted">
        {t(lang, 'asOf')} {formatDay(asOf, lang)} · {t(lang, 'last30')}
      </li>
    </ul>
  );
}
