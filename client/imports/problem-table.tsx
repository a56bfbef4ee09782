import type { LocalizedText } from '../app/api-types';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';

export interface FileProblem {
  line: number;
  column: string;
  message: LocalizedText;
}

/**
 * The per-line report of a refused file — answers, a unit list or a sheet of counters: line,
 * column and why, one row each; cards on a phone. Rows carry data-line and data-column, and the
 * cells data-col, which tests read.
 */
export function ProblemTable({ problems, caption, testid }: { problems: readonly FileProblem[]; caption: string; testid: string }) {
  const { lang } = useLang();
  const [line, column, reason] = [t(lang, 'line'), t(lang, 'column'), t(lang, 'reason')];
  return (
    <table class="stats-table stacked-table" data-testid={testid}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="num">
            {line}
          </th>
          <th scope="col">{column}</th>
          <th scope="col">{reason}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.line}-${p.column}-${i}`} data-line={p.line} data-column={p.column}>
            <td class="num" data-col="line" data-value={p.line} data-label={line}>
              {p.line}
            </td>
            <td data-col="column" data-value={p.column} data-label={column}>
              <code>{p.column}</code>
            </td>
            <td data-col="message" data-label={reason}>
              {p.message[lang]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
