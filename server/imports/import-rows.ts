import { buildResponse, type ResponseTarget } from '../../db/build-response';
import type { NewResponse } from '../../db/responses';
import { validateSubmission } from '../../surveys/answers-schema';
import { answerSector } from '../../surveys/answer-sector';
import { IMPORT_CHANNELS, isImportChannel, type ImportChannel } from '../../surveys/channels';
import { buildCodebook, LEADING_VARIABLES, noOpinionCode, TRAILING_VARIABLES } from '../../surveys/codebook';
import { allQuestionsOf } from '../../surveys/instrument-schema';
import type { LocalizedText } from '../../surveys/localized-text';
import { dayStartUtc, isIsoDay } from '../../surveys/time';
import type { Table, TableRow } from './read-table';

/** Where imported answers go: a counter (earlier paper forms of that counter) or a survey wave. */
export interface ImportTarget extends Omit<ResponseTarget, 'unitId'> {
  /** Sectors the rows may name; the first is used when a row names none. */
  sectors: readonly string[];
  /** The unit of a counter import; for a wave, each row names its stratum by unit_code. */
  unitId: number | null;
  strata: ReadonlyMap<string, number>;
  /** Makes each row's client key, so importing the same file twice stores it once. */
  fileKey: string;
}

export interface RowProblem {
  line: number;
  column: string;
  message: LocalizedText;
}

const NO_OPINION_WORDS = new Set(['không ý kiến', 'kyk', 'na', 'no opinion']);
const KNOWN_COLUMNS = new Set([...LEADING_VARIABLES, ...TRAILING_VARIABLES].map((v) => v.name));

/**
 * Checks every row of an import against the survey version and turns the file into responses:
 * all of them, or none with the list of what is wrong where (a file is never half imported).
 */
export function importRows(table: Table, target: ImportTarget): { responses: NewResponse[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const def = target.surveyVersion.definition;
  const questions = new Map(allQuestionsOf(def).map((q) => [q.key, q]));
  const codebook = buildCodebook([{ definition: def }]);
  const headerLabels = new Map(codebook.map((v) => [v.name, v.label.vi]));
  // A question's column is its key, or its variable in hailong's exports (`sipas_overall`), so an export imports back.
  const exportNames = new Map(codebook.flatMap((v) => (v.question ? [[v.question.key, v.name] as const] : [])));
  const questionColumns = new Set([...questions.keys(), ...exportNames.values()]);
  // Without a channel column: a counter's earlier answers are paper forms; a wave's are its interviews.
  const defaultChannel: ImportChannel = target.waveId !== null ? 'interviewer' : 'paper';

  for (const column of table.columns) {
    if (column && !questionColumns.has(column) && !KNOWN_COLUMNS.has(column)) {
      problems.push({
        line: 1,
        column,
        message: { vi: `Cột "${column}" không có trong phiếu khảo sát.`, en: `Column "${column}" is not part of the survey.` },
      });
    }
  }
  if (!table.columns.includes('submitted_at')) {
    problems.push({
      line: 1,
      column: 'submitted_at',
      message: { vi: 'Thiếu cột submitted_at (ngày khảo sát).', en: 'The submitted_at column (survey date) is missing.' },
    });
  }
  if (target.waveId !== null && !table.columns.includes('unit_code')) {
    problems.push({
      line: 1,
      column: 'unit_code',
      message: { vi: 'Thiếu cột unit_code (đơn vị của phiếu).', en: 'The unit_code column (each interview’s unit) is missing.' },
    });
  }
  if (problems.length > 0) return { responses: [], problems };

  const responses: NewResponse[] = [];
  const dossiers = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    // The second header row of hailong's own exports (Vietnamese labels) is not data.
    if (cells.submitted_at === headerLabels.get('submitted_at')) continue;
    const rowProblems: RowProblem[] = [];
    const at = parseWhen(cells.submitted_at ?? '');
    if (!at)
      rowProblems.push({
        line,
        column: 'submitted_at',
        message: { vi: 'Ngày phải có dạng YYYY-MM-DD (hoặc kèm giờ).', en: 'Use a date as YYYY-MM-DD (optionally with a time).' },
      });
    const answers = answersOf(cells, questions, exportNames);
    const channel = cells.channel || defaultChannel;
    if (!isImportChannel(channel)) {
      rowProblems.push({
        line,
        column: 'channel',
        message: {
          vi: `Kênh của phiếu nhập phải là một trong: ${IMPORT_CHANNELS.join(', ')} (để trống: ${defaultChannel}).`,
          en: `An imported answer’s channel must be one of: ${IMPORT_CHANNELS.join(', ')} (blank: ${defaultChannel}).`,
        },
      });
    }
    const parsed = validateSubmission(def, {
      answers,
      comment: cells.comment || undefined,
      dossierCode: cells.dossier_code || undefined,
      sector: cells.sector || undefined,
    });
    if (!parsed.ok) {
      for (const [key, message] of Object.entries(parsed.errors)) rowProblems.push({ line, column: key.replace(/^_/, ''), message });
    }
    const sector = answerSector(parsed.ok ? parsed.submission.sector : undefined, target.sectors);
    if (!sector) {
      rowProblems.push({
        line,
        column: 'sector',
        message: {
          vi: `Lĩnh vực phải là một trong: ${target.sectors.join(', ')}.`,
          en: `The sector must be one of: ${target.sectors.join(', ')}.`,
        },
      });
    }
    const unitId = target.waveId !== null ? target.strata.get(cells.unit_code ?? '') : target.unitId;
    if (unitId === undefined || unitId === null) {
      rowProblems.push({
        line,
        column: 'unit_code',
        message: {
          vi: `Đơn vị "${cells.unit_code ?? ''}" không thuộc đợt khảo sát.`,
          en: `Unit "${cells.unit_code ?? ''}" is not a stratum of the wave.`,
        },
      });
    }
    const dossier = parsed.ok ? parsed.submission.dossierCode : undefined;
    if (dossier) {
      const first = dossiers.get(dossier);
      if (first !== undefined)
        rowProblems.push({
          line,
          column: 'dossier_code',
          message: { vi: `Mã hồ sơ trùng với dòng ${first}.`, en: `Same dossier code as line ${first}.` },
        });
      else dossiers.set(dossier, line);
    }
    if (rowProblems.length > 0 || !parsed.ok || !at || !sector || unitId == null || !isImportChannel(channel)) {
      problems.push(...rowProblems);
      continue;
    }
    responses.push(
      buildResponse(
        { ...target, unitId },
        { ...parsed.submission, sector },
        { channel, submittedAt: at, clientKey: `import-${target.fileKey}-${line}` },
      ),
    );
  }
  return { responses: problems.length > 0 ? [] : responses, problems };
}

/** A cell as an answer (under the question's key or its export name): a whole number, the no-opinion code or words, or nothing. */
function answersOf(
  cells: TableRow,
  questions: Map<string, Parameters<typeof noOpinionCode>[0]>,
  exportNames: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [key, q] of questions) {
    const text = (cells[key] || cells[exportNames.get(key) ?? ''] || '').trim();
    if (text === '') continue;
    if (NO_OPINION_WORDS.has(text.toLowerCase()) || text === String(noOpinionCode(q))) answers[key] = null;
    else answers[key] = /^-?\d+$/.test(text) ? Number(text) : text;
  }
  return answers;
}

/** A date (noon, Vietnam time, when no time is given) or a full ISO time with its offset. */
function parseWhen(text: string): Date | null {
  if (isIsoDay(text)) return new Date(dayStartUtc(text).getTime() + 12 * 3600_000);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
  // A time without an offset was written in Vietnam.
  const at = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}+07:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}
