import { useState } from 'preact/hooks';
import { ActionMessage } from '../app/action-message';
import type { Meta } from '../app/api-types';
import { inBothLanguages, t, type Lang } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { ListTable } from '../app/list-table';
import { LoadView } from '../app/load-states';
import { useAction } from '../app/use-action';
import { useApi } from '../app/use-api';
import { changeUser, createUser, fetchUsers, resetPassword } from './admin-api';
import { emailOf, plausibleEmail, roleWords, scopeWords, unitWords, userChangeOf, validUsername } from './admin-helpers';
import { InBothLanguages } from '../app/in-both-languages';
import { ROLES, type Role } from '../../surveys/roles';
import type { UserItem } from './admin-types';
import { ScopeSelect } from './scope-select';
import { StaffCounters } from './staff-counters';

/** A generated password, shown this once, with a copy button. */
function OneTimePassword({ username, password, onHide }: { username: string; password: string; onHide: () => void }) {
  const { lang } = useLang();
  const [copied, setCopied] = useState(false);
  return (
    <div class="one-time-password" role="status" data-testid="one-time-password">
      <span>{inBothLanguages('passwordFor', { u: username })[lang]}</span>
      <code data-testid="generated-password">{password}</code>
      <span class="muted small">{t(lang, 'passwordOnce')}</span>
      <span class="row-actions">
        <button
          type="button"
          class="small"
          onClick={() =>
            navigator.clipboard?.writeText(password).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t(lang, 'copy')}
        </button>
        {copied && <span>{t(lang, 'copied')}</span>}
        <button type="button" class="small" onClick={onHide} data-testid="hide-password">
          {t(lang, 'hidePassword')}
        </button>
      </span>
    </div>
  );
}

/**
 * The accounts an administrator manages (administrators only): create, change role or scope,
 * disable, reset a password, link an officer to counters. A commune administrator (scopeUnitId set)
 * sees and gives only units of their own subtree; the server applies the same rule.
 */
export function UsersPage({ meta, scopeUnitId = null }: { meta: Meta | null; scopeUnitId?: number | null }) {
  const { lang } = useLang();
  const [users, retry] = useApi(fetchUsers, 'users');
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  return (
    <>
      <NewUserForm
        meta={meta}
        scopeUnitId={scopeUnitId}
        onCreated={(username, password) => {
          if (password) setSecret({ username, password });
          retry();
        }}
      />
      {secret && <OneTimePassword {...secret} onHide={() => setSecret(null)} />}
      <section class="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t(lang, 'usersTitle')}</h2>
        <p class="muted intro">{t(lang, 'usersIntro')}</p>
        {scopeUnitId !== null && (
          <p class="muted intro" data-testid="users-scope-note">
            {t(lang, 'scopeOfYou')}
          </p>
        )}
        <LoadView load={users} retry={retry} isEmpty={(d) => d.users.length === 0} emptyText="noUsers">
          {(data) => (
            <ListTable
              testId="users-table"
              caption={t(lang, 'usersCaption')}
              headers={[t(lang, 'username'), t(lang, 'email'), t(lang, 'role'), t(lang, 'unit'), t(lang, 'state'), t(lang, 'actions')]}
            >
              {data.users.map((u) => (
                <UserRow
                  key={`${u.id}-${u.role}-${u.unitId}-${u.disabled}-${u.email ?? ''}-${(u.counters ?? []).join()}`}
                  user={u}
                  meta={meta}
                  wholeTenant={scopeUnitId === null}
                  lang={lang}
                  onChanged={retry}
                  onPassword={(password) => setSecret({ username: u.username, password })}
                />
              ))}
            </ListTable>
          )}
        </LoadView>
      </section>
    </>
  );
}

function RoleSelect({
  value,
  onChange,
  lang,
  name,
  testid,
  label,
  labelHidden = false,
}: {
  value: string;
  onChange: (r: Role) => void;
  lang: Lang;
  name: string;
  testid: string;
  label: string;
  labelHidden?: boolean;
}) {
  return (
    <label>
      <span class={labelHidden ? 'visually-hidden' : undefined}>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as Role)} data-testid={testid}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(lang, `role_${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function NewUserForm({
  meta,
  scopeUnitId,
  onCreated,
}: {
  meta: Meta | null;
  scopeUnitId: number | null;
  onCreated: (username: string, password: string | undefined) => void;
}) {
  const { lang } = useLang();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  // A commune administrator starts from their own unit: the whole tenant is not theirs to give.
  const [unitId, setUnitId] = useState<number | null>(scopeUnitId);
  const [email, setEmail] = useState('');
  const [bad, setBad] = useState(false);
  const [badMail, setBadMail] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBad(!validUsername(username));
    setBadMail(!plausibleEmail(email));
    if (!validUsername(username) || !plausibleEmail(email)) return;
    const name = username.trim();
    const created = await action.run(
      () => createUser({ username: name, role, unitId, email: emailOf(email) }),
      inBothLanguages('userCreated', { u: name }),
    );
    if (created) {
      setUsername('');
      setEmail('');
      onCreated(created.username, created.password);
    }
  };
  return (
    <section class="panel" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t(lang, 'newUser')}</h2>
      <form onSubmit={submit} noValidate data-testid="new-user-form">
        <div class="form-grid">
          <label>
            <span>{t(lang, 'username')}</span>
            <input
              name="username"
              autoComplete="off"
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
              aria-invalid={bad}
              aria-describedby="username-hint"
              required
              data-testid="new-username"
            />
            <span id="username-hint" class={bad ? 'field-error' : 'muted small'}>
              {bad ? `${t(lang, 'badUsername')} ` : ''}
              {t(lang, 'usernameHint')}
            </span>
          </label>
          <RoleSelect value={role} onChange={setRole} lang={lang} name="role" testid="new-role" label={t(lang, 'role')} />
          <ScopeSelect
            units={meta?.units ?? []}
            value={unitId}
            onChange={setUnitId}
            wholeTenant={scopeUnitId === null}
            lang={lang}
            label={t(lang, 'unit')}
            name="unitId"
            testid="new-unit"
          />
          <label>
            <span>{t(lang, 'userEmail')}</span>
            <input
              type="email"
              name="email"
              autoComplete="off"
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
              aria-invalid={badMail}
              aria-describedby="email-hint"
              data-testid="new-email"
            />
            <span id="email-hint" class={badMail ? 'field-error' : 'muted small'}>
              {badMail ? `${t(lang, 'badEmail')} ` : ''}
              {t(lang, 'userEmailHint')}
            </span>
          </label>
        </div>
        <ActionMessage error={action.error} done={action.done} testid="new-user" />
        <button type="submit" class="button primary" disabled={action.busy} data-testid="create-user">
          {action.busy ? t(lang, 'saving') : t(lang, 'create')}
        </button>
      </form>
    </section>
  );
}

interface RowProps {
  user: UserItem;
  meta: Meta | null;
  /** Whether the administrator may give the whole tenant as a scope (a tenant-wide administrator); yes unless said. */
  wholeTenant?: boolean;
  lang: Lang;
  onChanged: () => void;
  onPassword: (password: string) => void;
}

/**
 * One account: its role and unit as they are, in words (Vietnamese with the English beside it),
 * and below each the choice to change it, labelled for screen readers with the account's name.
 */
export function UserRow({ user, meta, wholeTenant = true, lang, onChanged, onPassword }: RowProps) {
  const [role, setRole] = useState<string>(user.role);
  const [unitId, setUnitId] = useState<number | null>(user.unitId);
  const [email, setEmail] = useState(user.email ?? '');
  const action = useAction();
  const save = async () => {
    if (!plausibleEmail(email)) {
      action.setError(inBothLanguages('badEmail'));
      return;
    }
    const change = userChangeOf(user, { role, unitId, email });
    if (!change) {
      action.setDone(inBothLanguages('nothingChanged'));
      return;
    }
    if (await action.run(() => changeUser(user.id, change))) onChanged();
  };
  const toggle = async () => {
    if (await action.run(() => changeUser(user.id, { disabled: !user.disabled }))) onChanged();
  };
  const reset = async () => {
    const r = await action.run(() => resetPassword(user.id));
    if (r) onPassword(r.password);
  };
  return (
    <tr data-key={user.id} data-testid="user-row" data-disabled={user.disabled ? '1' : '0'}>
      <th scope="row" data-col="username">
        {user.username}
      </th>
      {/* Its own cell: inside the row header, the input's label would be read as part of the account's name. */}
      <td data-col="email" data-label={t(lang, 'email')}>
        <span class="cell-value muted small" data-testid="user-email">
          {user.email ?? ''}
        </span>
        <label>
          <span class="visually-hidden">{inBothLanguages('changeEmailOf', { u: user.username })[lang]}</span>
          <input
            type="email"
            name={`email-${user.id}`}
            autoComplete="off"
            value={email}
            placeholder="e-mail"
            onInput={(e) => setEmail(e.currentTarget.value)}
            data-testid="user-email-input"
          />
        </label>
      </td>
      <td data-col="role" data-value={user.role} data-label={t(lang, 'role')}>
        <InBothLanguages text={roleWords(user.role)} testid="user-role-name" class="cell-value" />
        <RoleSelect
          value={role}
          onChange={setRole}
          lang={lang}
          name={`role-${user.id}`}
          testid="user-role"
          label={inBothLanguages('changeRoleOf', { u: user.username })[lang]}
          labelHidden
        />
      </td>
      <td data-col="unit" data-value={user.unitId ?? ''} data-label={t(lang, 'unit')}>
        <InBothLanguages text={unitWords(user.unitId, meta?.units ?? [])} testid="user-unit-name" class="cell-value" />
        <InBothLanguages text={scopeWords(user.unitId, meta?.units ?? [])} testid="user-scope" class="cell-value muted small" />
        <ScopeSelect
          units={meta?.units ?? []}
          value={unitId}
          onChange={setUnitId}
          wholeTenant={wholeTenant}
          lang={lang}
          label={inBothLanguages('changeUnitOf', { u: user.username })[lang]}
          name={`unit-${user.id}`}
          testid="user-unit"
          labelHidden
        />
        {user.role === 'officer' && <StaffCounters user={user} meta={meta} lang={lang} onChanged={onChanged} />}
      </td>
      <td data-col="state" data-value={user.disabled ? 'disabled' : 'active'} data-label={t(lang, 'state')}>
        {t(lang, user.disabled ? 'disabled' : 'active')}
      </td>
      <td data-col="actions" data-label={t(lang, 'actions')}>
        <span class="row-actions">
          <button type="button" class="small" onClick={save} disabled={action.busy} data-testid="user-save">
            {t(lang, 'save')}
            <span class="visually-hidden"> {user.username}</span>
          </button>
          <button type="button" class="small" onClick={toggle} disabled={action.busy} data-testid="user-toggle">
            {t(lang, user.disabled ? 'enable' : 'disable')}
            <span class="visually-hidden"> {user.username}</span>
          </button>
          <button type="button" class="small" onClick={reset} disabled={action.busy} data-testid="user-reset-password">
            {t(lang, 'resetPassword')}
            <span class="visually-hidden"> {user.username}</span>
          </button>
        </span>
        <ActionMessage error={action.error} done={action.done} testid="user-row" />
      </td>
    </tr>
  );
}
