import { render } from 'preact-render-to-string';
import type { CodebookVariable } from '../../surveys/codebook';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;padding:0 12px;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f0f2f4}code{font-size:13px}.en{color:#555}@media print{body{margin:0}}
@media (max-width:640px){code{overflow-wrap:anywhere}thead{display:none}table,tbody,tr,td{display:block}tr{border:1px solid #ccc;margin:0 0 10px}
td{border:0;border-top:1px solid #eee}td:first-child{border-top:0}td::before{content:attr(data-label);display:block;font-weight:600;color:#555}}`;

/** Column headings; on a phone each cell shows its own, since the table is read one variable at a time. */
const HEADINGS = ['Biến / Variable', 'Nhãn / Label', 'Kiểu / Type', 'Giá trị / Values', 'Khuyết / Missing', 'Phiếu / Surveys'] as const;

const values = (v: CodebookVariable['values'] | CodebookVariable['missing']) =>
  (v ?? []).map((x) => `${x.code} = ${x.label.vi}`).join('; ');

/** The codebook as a page a person reads: every variable, its question, values and missing codes. */
export function renderCodebookPage(codebook: readonly CodebookVariable[]): string {
  return (
    '<!doctype html>' +
    render(
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Từ điển biến / Codebook — hailong</title>
          <style dangerouslySetInnerHTML={{ __html: CSS }} />
        </head>
        <body>
          <h1>
            Từ điển biến <span class="en">/ Codebook</span>
          </h1>
          <p>
            Các biến trong tệp xuất CSV, Excel và SPSS. Mã "Không ý kiến" là giá trị khuyết (missing); ô trống là câu không được hỏi hoặc bỏ
            qua.{' '}
            <span class="en">
              Variables of the CSV, Excel and SPSS exports. The no-opinion code is a missing value; an empty cell is a question not asked or
              skipped.
            </span>
          </p>
          <p>
            Mỗi biến câu hỏi là một câu hỏi của một phiếu: tên biến mang tiền tố của phiếu (ví dụ <code>sipas_overall</code>,{' '}
            <code>health_overall</code>) và biến chỉ chứa câu trả lời của các phiếu ghi ở cột cuối.{' '}
            <span class="en">
              Each question variable is one question of one survey: its name carries the survey’s prefix (e.g. <code>sipas_overall</code>,{' '}
              <code>health_overall</code>) and it holds only the answers of the surveys in the last column.
            </span>
          </p>
          <p>
            Câu hỏi nhiều lựa chọn có một biến 0/1 cho mỗi phương án, tên kết thúc bằng mã phương án (ví dụ <code>ks_2026_q5_3</code>): 1 là
            có chọn, 0 là không chọn, ô trống là câu không được hỏi. Câu trả lời ngắn bằng chữ là biến chuỗi.{' '}
            <span class="en">
              A multiple-choice question has one 0/1 variable per option, its name ending in the option’s code (e.g.{' '}
              <code>ks_2026_q5_3</code>): 1 ticked, 0 not ticked, empty when the question was not asked. A short text answer is a string
              variable.
            </span>
          </p>
          <table>
            <thead>
              <tr>
                {HEADINGS.map((h) => (
                  <th>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {codebook.map((v) => (
                <tr data-variable={v.name}>
                  <td data-label={HEADINGS[0]}>
                    <code>{v.name}</code>
                  </td>
                  <td data-label={HEADINGS[1]}>
                    {v.label.vi}
                    <br />
                    <span class="en">{v.label.en}</span>
                  </td>
                  <td data-label={HEADINGS[2]}>{v.type === 'string' ? `text (${v.width ?? ''})` : 'number'}</td>
                  <td data-label={HEADINGS[3]}>{values(v.values)}</td>
                  <td data-label={HEADINGS[4]}>{values(v.missing)}</td>
                  <td data-label={HEADINGS[5]}>
                    {(v.surveys ?? []).map((s) => (
                      <div>
                        {s.title.vi} <span class="en">/ {s.title.en}</span> <code>{`${s.key} v${s.version}`}</code>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </body>
      </html>,
    )
  );
}
