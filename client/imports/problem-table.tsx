import type { LocalizedText } from '../app/api-types';
import { formatCount } from '../app/format';
import { t, type StringKey } from '../app/i18n';
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

/**
 * A refused file in full: "{p} problems in {r} lines; nothing was saved" (the words of `summary`)
 * above its problem table. Test ids `${prefix}-rejected` and `${prefix}-problems`.
 */
export function RefusedFile({
  outcome,
  summary,
  caption,
  prefix,
}: {
  outcome: { rows: number; problems: readonly FileProblem[] };
  summary: StringKey;
  caption: StringKey;
  prefix: string;
}) {
  const { lang } = useLang();
  return (
    <div class="import-rejected" role="alert">
      <p class="form-error" data-testid={`${prefix}-rejected`} data-rows={outcome.rows} data-problems={outcome.problems.length}>
        {t(lang, summary).replace('{p}', formatCount(outcome.problems.length, lang)).replace('{r}', formatCount(outcome.rows, lang))}
      </p>
      <div class="table-scroll">
        <ProblemTable problems={outcome.problems} caption={t(lang, caption)} testid={`${prefix}-problems`} />
      </div>
    </div>
  );
}
