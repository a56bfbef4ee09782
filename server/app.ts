import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { alertRoutes } from './alerts/alerts.routes';
import { caseRoutes } from './cases/cases.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import type { LoginHashingOption } from './auth/login-hashing';
import { commentRoutes } from './comments/comments.routes';
import { citizenRoutes, noCounterCode } from './citizen/citizen.routes';
import { renderBusyPage } from './citizen/message-pages';
import { langOf } from './citizen/texts';
import type { AppDeps, AppEnv } from './http/context';
import { accessPolicy } from './auth/access-policy';
import { bodyLimit } from './http/body-limit';
import { errorBody, errorHandler, RequestError } from './http/errors';
import { refusalPage } from './http/page-refusal';
import { PRINT_SCRIPT, PRINT_SCRIPT_PATH } from './http/print-script';
import { FAVICON_HEADERS, FAVICON_ICO, FAVICON_PATH } from './http/favicon';
import { csrfProtection, securityHeaders } from './http/security-headers';
import { noStoreForPrivateAnswers } from './http/private-no-store';
import { refuseNulInUrl } from './http/nul-bytes';
import { counterRoutes } from './counters/counters.routes';
import { codebookRoutes } from './exports/codebook.routes';
import { exportRoutes } from './exports/exports.routes';
import { flaggedRoutes } from './flagged/flagged.routes';
import { healthRoutes } from './health/health.routes';
import { posterLoginPage, posterRoutes } from './posters/posters.routes';
import { importRoutes, MAX_IMPORT_BYTES } from './imports/imports.routes';
import { reportRoutes } from './reports/reports.routes';
import { analysisRoutes } from './stats/analysis.routes';
import { officerRoutes } from './officer/officer.routes';
import { privacyRoutes } from './privacy/privacy.routes';
import { userRoutes } from './users/users.routes';
import { reorganisationRoutes } from './units/reorganisations.routes';
import { unitRoutes } from './units/units.routes';
import { waveRoutes } from './waves/waves.routes';
import { statsRoutes } from './stats/stats.routes';
import { metaRoutes } from './meta/meta.routes';
import { targetRoutes } from './targets/targets.routes';
import { surveyRoutes } from './surveys/surveys.routes';
import { previewRoutes } from './surveys/preview.routes';
import { indexRoutes } from './indices/indices.routes';
import { apiKeyRoutes } from './api-keys/api-keys.routes';
import { dossierBatchRoutes } from './dossiers/dossier-batch.routes';
import { dossierImportRoutes } from './dossiers/dossier-import.routes';
import { besideSurveyRoutes } from './indices/beside-survey.routes';
import { portalFigureRoutes } from './indices/portal-figures.routes';
import { reconciliationRoutes } from './indices/reconciliation.routes';
import { publicResultsRoutes } from './public-results/public-results.routes';
import { subscriptionRoutes } from './notifications/subscriptions.routes';
import { webhookRoutes } from './webhooks/webhooks.routes';

export const MAX_BODY_BYTES = 64 * 1024;
const TOO_LARGE = new RequestError(413, {
  vi: 'Dữ liệu gửi lên quá lớn (tối đa 64 KB). Xin rút gọn góp ý và gửi lại.',
  en: 'The request is too large (64 KB at most). Please shorten the comment and send again.',
});

const NOT_FOUND = new RequestError(404, { vi: 'Không tìm thấy địa chỉ này.', en: 'Not found.' });

const IMPORT_TOO_LARGE = new RequestError(413, {
  vi: 'Tệp quá lớn (tối đa 10 MB). Xin chia thành nhiều tệp.',
  en: 'The file is too large (10 MB at most). Please split it.',
});

const BATCH_TOO_LARGE = new RequestError(413, {
  vi: 'Lô hồ sơ quá lớn (tối đa 10 MB). Xin chia thành nhiều lô, mỗi lô tối đa 5000 hồ sơ.',
  en: 'The batch is too large (10 MB at most). Please split it into batches of 5000 dossiers at most.',
});

export const MAX_DEFINITION_BYTES = 512 * 1024;

const DEFINITION_TOO_LARGE = new RequestError(413, {
  vi: 'Phiếu khảo sát quá lớn (tối đa 512 KB). Xin rút gọn phiếu.',
  en: 'The survey is too large (512 KB at most). Please shorten it.',
});

/** The whole HTTP face; tests build it over their own database. */
export function createApp(deps: AppDeps & LoginHashingOption) {
  const app = new Hono<AppEnv>();
  // A refusal of a printable report or a poster opened in the browser is a page, not JSON (server/http/page-refusal.ts).
  app.onError(errorHandler((c, text, options) => renderBusyPage(langOf(c.req.query('lang')), text, options), refusalPage));
  app.notFound((c) => {
    const page = refusalPage(c, NOT_FOUND);
    return page === undefined ? c.json(errorBody(NOT_FOUND), 404) : c.html(page, 404);
  });

  // Phones on weak connections get every page and script gzipped. Every answer varies with
  // Accept-Encoding, and saying so before the route leaves compress no header to add after it
  // (one added then makes the node server build the whole response again: ~16 µs an answer).
  const gzip = compress();
  app.use('*', (c, next) => {
    c.header('Vary', 'Accept-Encoding');
    return gzip(c, next);
  });
  app.use('*', securityHeaders(deps.config));
  app.use('*', noStoreForPrivateAnswers());
  app.use('*', refuseNulInUrl());
  app.use('*', csrfProtection(deps.config));
  // Who may call what: surveys/access-rules.ts, for every route below.
  app.use('*', accessPolicy(deps.db.dbWrite, { loginPage: posterLoginPage }));

  // A survey answer is a few hundred bytes; only an import of earlier results needs more.
  const answerLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(errorBody(TOO_LARGE), 413) });
  const importLimit = bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: (c) => c.json(errorBody(IMPORT_TOO_LARGE), 413) });
  // A batch of 5000 dossiers from the one-stop system is some 3 MB of JSON.
  const batchLimit = bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: (c) => c.json(errorBody(BATCH_TOO_LARGE), 413) });
  // A unit list (a whole province's communes) and a sheet of counters are files too.
  const sheetUploads = new Set([
    '/api/imports',
    '/api/units/import',
    '/api/counters/import',
    '/api/dossiers/import',
    '/api/indices/766/portal-figures/import',
  ]);
  // A questionnaire of 40 questions in two languages is some 30 KB of JSON; room for far more.
  const definitionLimit = bodyLimit({ maxSize: MAX_DEFINITION_BYTES, onError: (c) => c.json(errorBody(DEFINITION_TOO_LARGE), 413) });
  app.use('*', (c, next) => {
    if (sheetUploads.has(c.req.path)) return importLimit(c, next);
    if (c.req.path === '/api/dossiers/batch') return batchLimit(c, next);
    return c.req.path.startsWith('/api/surveys') ? definitionLimit(c, next) : answerLimit(c, next);
  });

  app.route('/', healthRoutes(deps));
  app.get(PRINT_SCRIPT_PATH, (c) => c.body(PRINT_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get(FAVICON_PATH, (c) => c.body(FAVICON_ICO, 200, FAVICON_HEADERS));
  app.route('/q', citizenRoutes(deps));
  app.get('/q/', noCounterCode);

  const clientDir = deps.config.clientDir;
  if (clientDir && existsSync(clientDir)) {
    // The citizen page's script and service worker: fixed names, so revalidated rather than cached long.
    const revalidate: MiddlewareHandler = async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-cache');
    };
    app.get('/q-assets/citizen.js', revalidate, serveStatic({ root: clientDir, path: 'q-assets/citizen.js' }));
    app.get('/q-sw.js', revalidate, serveStatic({ root: clientDir, path: 'q-assets/sw.js' }));
  }
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/exports', exportRoutes(deps));
  app.route('/posters', posterRoutes(deps));
  app.route('/api', metaRoutes(deps));
  app.route('/api', statsRoutes(deps));
  app.route('/api', analysisRoutes(deps));
  app.route('/api', alertRoutes(deps));
  app.route('/api', commentRoutes(deps));
  app.route('/api', waveRoutes(deps));
  app.route('/api', importRoutes(deps));
  app.route('/api', userRoutes(deps));
  app.route('/api', officerRoutes(deps));
  app.route('/api', privacyRoutes(deps));
  const reports = reportRoutes(deps);
  app.route('/api', reports.api);
  app.route('/reports', reports.pages);
  app.route('/exports', codebookRoutes(deps).page);
  app.route('/api', flaggedRoutes(deps));
  app.route('/api', counterRoutes(deps));
  app.route('/api', caseRoutes(deps));
  app.route('/api', auditRoutes(deps));
  app.route('/api', targetRoutes(deps));
  app.route('/api', reorganisationRoutes(deps));
  app.route('/api', unitRoutes(deps));
  app.route('/api', surveyRoutes(deps));
  app.route('/surveys', previewRoutes(deps));
  app.route('/api', indexRoutes(deps));
  app.route('/api', apiKeyRoutes(deps));
  app.route('/api', dossierBatchRoutes(deps));
  app.route('/api', dossierImportRoutes(deps));
  app.route('/api', besideSurveyRoutes(deps));
  app.route('/api', portalFigureRoutes(deps));
  app.route('/api', reconciliationRoutes(deps));
  const publicResults = publicResultsRoutes(deps);
  app.route('/api', publicResults.api);
  app.route('/cong-khai', publicResults.pages);
  app.route('/api', subscriptionRoutes(deps));
  app.route('/api', webhookRoutes(deps));

  if (clientDir && existsSync(clientDir)) {
    app.get('/', (c) => c.redirect('/app/'));
    // The analyst app's files; it routes in the browser, so any other /app path gets its page.
    app.get(
      '/app/*',
      serveStatic({ root: clientDir, rewriteRequestPath: (p) => p.replace(/^\/app/, '') }),
      serveStatic({ root: clientDir, path: 'index.html' }),
    );
  }
  return app;
}
