import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { findDraft, findSurvey, listVersions } from '../../db/survey-designs';
import { validateSubmission } from '../../surveys/answers-schema';
import { checkDefinition } from '../../surveys/definition-problems';
import { EMPTY_VALUES, formFieldsToSubmission } from '../../surveys/form-fields';
import type { SurveyDefinition } from '../../surveys/instrument-schema';
import { textKeysOf } from '../../surveys/text-keys';
import { previewThanksPage, renderSurveyPreviewPage } from '../citizen/survey-preview-page';
import { langOf, type Lang } from '../citizen/texts';
import type { AppDeps, AppEnv } from '../http/context';
import { RequestError } from '../http/errors';
import { parseQuery } from '../http/parse-query';
import { invalidDefinition, NO_DRAFT, SURVEY_NOT_FOUND, VERSION_NOT_FOUND } from './survey-refusals';

const previewQuery = z.object({
  lang: z.enum(['vi', 'en']).default('vi'),
  kiosk: z.enum(['0', '1']).default('0'),
  version: z.coerce.number().int().positive().optional(),
});

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * A survey's draft (or a published version) shown as citizens will see it, before anyone answers
 * it: the same questions, show-if and words, server-rendered so it works without script. What it
 * posts back is checked as a real answer would be and then thrown away: errors come back on the
 * form, valid answers get a page saying nothing was stored.
 */
export function previewRoutes({ db }: AppDeps) {
  async function definitionOf(c: Context<AppEnv>, version: number | undefined): Promise<SurveyDefinition> {
    const user = c.get('user');
    const survey = await findSurvey(db.dbWrite, user.tenant_id, c.req.param('key') ?? '');
    if (!survey) throw SURVEY_NOT_FOUND;
    if (version !== undefined) {
      const found = (await listVersions(db.dbWrite, user.tenant_id, [survey.id])).find((v) => v.version === version);
      if (!found) throw VERSION_NOT_FOUND;
      return found.definition;
    }
    const draft = await findDraft(db.dbWrite, survey.id);
    if (!draft) throw NO_DRAFT;
    const check = checkDefinition(draft.definition);
    if (!check.ok) throw invalidDefinition(check.problems);
    return check.definition;
  }
  const href = (c: Context, q: z.output<typeof previewQuery>, lang: Lang = q.lang) =>
    `${c.req.path}?lang=${lang}&kiosk=${q.kiosk}${q.version !== undefined ? `&version=${q.version}` : ''}`;

  return new Hono<AppEnv>()
    .get('/:key/preview', async (c) => {
      const q = parseQuery(previewQuery, c.req.query());
      const definition = await definitionOf(c, q.version);
      const page = renderSurveyPreviewPage({ definition, lang: q.lang, kiosk: q.kiosk === '1', action: href(c, q) });
      return c.html(page, 200, NO_STORE);
    })
    .post('/:key/preview', async (c) => {
      const q = parseQuery(previewQuery, c.req.query());
      const definition = await definitionOf(c, q.version);
      const body = await c.req.parseBody().catch(() => {
        throw new RequestError(400, { vi: 'Không đọc được phiếu gửi lên.', en: 'The form could not be read.' });
      });
      const fields = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const { values, envelope } = formFieldsToSubmission(fields, textKeysOf(definition));
      const checked = validateSubmission(definition, { answers: envelope.answers, comment: envelope.comment });
      if (checked.ok) return c.html(previewThanksPage(langOf(q.lang), href(c, q)), 200, NO_STORE);
      const page = renderSurveyPreviewPage({
        definition,
        lang: q.lang,
        kiosk: q.kiosk === '1',
        action: href(c, q),
        values: { ...EMPTY_VALUES, ...values },
        errors: checked.errors,
      });
      return c.html(page, 422, NO_STORE);
    });
}
