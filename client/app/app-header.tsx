import type { Me } from './api-types';
import { t } from './i18n';
import { useLang } from './lang-context';
import { LangSwitch } from './lang-switch';

interface Props {
  me: Me;
  onLogout: () => void;
}

/**
 * Whose data this is (the tenant, or the unit an account is scoped to: a ward's analyst sees the
 * ward named, not the city), whether it is real, and the way out.
 */
export function AppHeader({ me, onLogout }: Props) {
  const { lang } = useLang();
  return (
    <header class="app-header">
      <div class="brand">
        {me.unit ? (
          <span class="tenant" data-testid="tenant-name" data-scope="unit">
            <span class="visually-hidden">{t(lang, 'scopeOf')}: </span>
            {me.unit.name}
          </span>
        ) : (
          <span class="tenant" data-testid="tenant-name" data-scope="tenant">
            {me.tenant.name}
          </span>
        )}
        {me.tenant.isDemo && (
          <span class="demo-badge" data-testid="demo-badge">
            {t('vi', 'demoBadge')} / {t('en', 'demoBadge')}
          </span>
        )}
      </div>
      <div class="header-tools">
        <span class="user">
          <span class="visually-hidden">{t(lang, 'signedInAs')} </span>
          {me.username}
        </span>
        <LangSwitch />
        <button type="button" class="button secondary" onClick={onLogout} data-testid="logout">
          {t(lang, 'logout')}
        </button>
      </div>
    </header>
  );
}
