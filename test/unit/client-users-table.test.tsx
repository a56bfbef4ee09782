// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { roleWords, unitWords } from '../../client/admin/admin-helpers';
import type { UserItem } from '../../client/admin/admin-types';
import { UserRow } from '../../client/admin/users-page';
import type { Meta } from '../../client/app/api-types';

const META: Meta = {
  units: [
    { id: 1, parentId: null, code: 'HY-TP', name: 'Thành phố Hưng Yên', kind: 'province' },
    { id: 7, parentId: 1, code: 'HY-TP-AN-TAO', name: 'Phường An Tảo', kind: 'commune' },
  ],
  counters: [],
  sectors: [],
  overallTarget: 90,
};

function row(user: UserItem): HTMLElement {
  const root = document.createElement('table');
  document.body.append(root);
  render(
    <tbody>
      <UserRow user={user} meta={META} lang="vi" onChanged={() => {}} onPassword={() => {}} />
    </tbody>,
    root,
  );
  return root;
}
const text = (root: HTMLElement, testid: string) =>
  root.querySelector(`[data-testid="${testid}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

describe('the users table', () => {
  it('names an account’s role in Vietnamese with the English beside it, and its unit by name, never by key', () => {
    // An account named like a role: the old labels read "Vai trò: admin" / "Đơn vị: admin".
    const admin = row({ id: 1, username: 'admin', role: 'admin', unitId: null, disabled: false });
    expect(text(admin, 'user-role-name')).toBe('Quản trị / Administrator');
    expect(text(admin, 'user-unit-name')).toBe('Toàn bộ (không giới hạn đơn vị) / Everything (no unit limit)');
    const visible = [...admin.querySelectorAll('label > span:not(.visually-hidden)')].map((s) => s.textContent);
    expect(visible).toEqual([]);
    expect(admin.textContent).not.toMatch(/Vai trò: admin|Đơn vị: admin/);
    // The choices keep a name for screen readers, saying whose they change.
    expect(admin.querySelector('[data-testid="user-role"]')!.closest('label')!.textContent).toContain('Đổi vai trò của admin');

    const officer = row({ id: 2, username: 'can.bo.an.tao', role: 'officer', unitId: 7, disabled: false });
    expect(text(officer, 'user-role-name')).toBe('Cán bộ tại quầy / Counter officer');
    expect(text(officer, 'user-unit-name')).toBe('Phường An Tảo');
  });

  it('shows a role or unit it does not know as it is, rather than nothing', () => {
    expect(roleWords('auditor')).toEqual({ vi: 'auditor', en: 'auditor' });
    expect(roleWords('interviewer')).toEqual({ vi: 'Điều tra viên', en: 'Interviewer' });
    expect(unitWords(99, META.units)).toEqual({ vi: '#99', en: '#99' });
  });
});

describe('an officer’s row', () => {
  const meta: Meta = {
    ...META,
    units: [...META.units, { id: 9, parentId: 1, code: 'HY-BVDK', name: 'Bệnh viện Đa khoa', kind: 'service_body' }],
    counters: [
      { code: 'ho-tich', name: 'Quầy Hộ tịch', unitId: 7 },
      { code: 'dat-dai', name: 'Quầy Đất đai', unitId: 7 },
      { code: 'kham-benh', name: 'Khoa Khám bệnh', unitId: 9 },
    ],
  };
  it('says its scope and its linked counters in words, and offers a tick box for each counter of its unit only', () => {
    const root = document.createElement('table');
    document.body.append(root);
    render(
      <tbody>
        <UserRow
          user={{ id: 3, username: 'can.bo.an.tao', role: 'officer', unitId: 7, disabled: false, counters: ['dat-dai'] }}
          meta={meta}
          lang="vi"
          onChanged={() => {}}
          onPassword={() => {}}
        />
      </tbody>,
      root,
    );
    expect(text(root, 'user-scope')).toBe('Phạm vi: chỉ đơn vị này / Scope: this unit only');
    expect(text(root, 'staff-counters-now')).toBe('1 quầy: dat-dai / 1 counter: dat-dai');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('[data-testid="staff-counter"]')];
    expect(boxes.map((b) => [b.value, b.checked])).toEqual([
      ['ho-tich', false],
      ['dat-dai', true],
    ]);
    // A tenant-wide account's row says so in words.
    expect(text(row({ id: 1, username: 'admin', role: 'admin', unitId: null, disabled: false }), 'user-scope')).toBe(
      'Phạm vi: cả tỉnh / Scope: whole tenant',
    );
  });
});
