import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { describePath } from './draft-problems';
import type { Draft } from './draft-model';
import type { Problem } from './surveys-types';

/**
 * The per-field report of a refused survey file or draft: the field in words and its path, and
 * why — one row each, cards on a phone (the classes of the imports' problem table, whose rows
 * are lines and columns of a sheet rather than paths in a definition).
 */
export function PathProblemTable({ problems, draft, testid }: { problems: readonly Problem[]; draft: Draft | null; testid: string }) {
  const { lang } = useLang();
  const [field, reason] = [t(lang, 'svField'), t(lang, 'svReason')];
  return (
    <div class="table-scroll">
      <table class="stats-table stacked-table" data-testid={testid}>
        <caption>{t(lang, 'svProblemsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{field}</th>
            <th scope="col">{reason}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.path}-${i}`} data-path={p.path}>
              <td data-col="field" data-label={field}>
                {describePath(p.path, draft)[lang]} <code class="problem-path">{p.path}</code>
              </td>
              <td data-col="message" data-label={reason}>
                {p.message[lang]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
