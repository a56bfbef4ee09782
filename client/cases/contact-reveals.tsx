import type { ContactReveal } from '../admin/admin-types';
import { formatDateTime, NO_VALUE } from '../app/format';
import { t, type Lang } from '../app/i18n';

/** Who saw the phone in clear, when and why, as the audit log holds it. */
export function ContactReveals({ reveals, lang }: { reveals: ContactReveal[]; lang: Lang }) {
  if (reveals.length === 0) return null;
  return (
    <div class="contact-reveals" data-testid="case-contact-reveals">
      <h3>{t(lang, 'contactReveals')}</h3>
      <ul class="notes-list">
        {reveals.map((r, i) => (
          <li key={i}>
            <span class="muted small">
              {formatDateTime(r.at, lang)} — {r.username ?? NO_VALUE}
            </span>
            <p class="plain-text">{r.reason}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
