import { issueFormToken } from '../../server/citizen/form-token';
import { allQuestionsOf, type Answers, type SurveyDefinition } from '../../surveys/instrument-schema';
import { seededRandom } from './random-responses';

export interface CounterTarget {
  code: string;
  id: number;
  sectors: string[];
  definition: SurveyDefinition;
}

/** A counter's id (read from a form token it issues), sectors and questions, as a phone sees them. */
export async function counterTargets(baseUrl: string, codes: readonly string[]): Promise<CounterTarget[]> {
  const targets: CounterTarget[] = [];
  for (const code of codes) {
    const res = await fetch(`${baseUrl}/q/${code}`, { headers: { accept: 'application/json' } });
    if (res.status !== 200) throw new Error(`GET /q/${code}: ${res.status}`);
    const body = (await res.json()) as { counter: { sectors: string[] }; survey: SurveyDefinition; token: string };
    const payload = JSON.parse(Buffer.from(body.token.split('.')[0]!, 'base64url').toString('utf8')) as { c: number };
    targets.push({ code, id: payload.c, sectors: body.counter.sectors, definition: body.survey });
  }
  return targets;
}

export interface Answer {
  clientKey: string;
  path: string;
  /** The JSON sent, the same on every try (a phone's offline queue resends what it kept). */
  body: string;
  forwardedFor: string;
}

export interface Attempt {
  clientKey: string;
  startedAt: number;
  ms: number;
  /** The HTTP status, or `no-answer` when the request failed or timed out without one. */
  status: number | 'no-answer';
  retryAfter: string | null;
}

/**
 * The client side of a fault drill: every answer made, every try and its outcome, and which
 * answers the server acknowledged (200/201, with the id it gave), to compare with what is stored.
 */
export function createSubmissionLedger(
  baseUrl: string,
  targets: CounterTarget[],
  { secret, tag, seed = 1 }: { secret: string; tag: string; seed?: number },
) {
  const random = seededRandom(seed);
  const answers = new Map<string, Answer>();
  const acknowledged = new Map<string, number>();
  const attempts: Attempt[] = [];

  function answersFor(def: SurveyDefinition): Answers {
    const given: Answers = {};
    for (const q of allQuestionsOf(def)) {
      if (q.type === 'scale5') given[q.key] = 1 + Math.floor(random() * 5);
      else if (q.type === 'choice' && q.required && q.options?.[0]) given[q.key] = q.options[0].code;
      else if (q.type === 'percent' && q.required) given[q.key] = Math.floor(random() * 101);
    }
    return given;
  }

  function newAnswer(): Answer {
    const n = answers.size + 1;
    const target = targets[n % targets.length]!;
    const clientKey = `${tag}-${n}`;
    const answer: Answer = {
      clientKey,
      path: `/q/${target.code}`,
      body: JSON.stringify({
        clientKey,
        token: issueFormToken(secret, target.id),
        answers: answersFor(target.definition),
        sector: target.sectors[n % target.sectors.length],
        deviceKey: `dev-${clientKey}`,
      }),
      forwardedFor: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    };
    answers.set(clientKey, answer);
    return answer;
  }

  async function send(answer: Answer, timeoutMs = 30_000): Promise<Attempt> {
    const startedAt = Date.now();
    let status: Attempt['status'] = 'no-answer';
    let retryAfter: string | null = null;
    try {
      const res = await fetch(`${baseUrl}${answer.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': answer.forwardedFor },
        body: answer.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      const reply = (await res.json().catch(() => ({}))) as { id?: number };
      if ((status === 200 || status === 201) && typeof reply.id === 'number') acknowledged.set(answer.clientKey, reply.id);
    } catch {
      // No answer at all: the server is gone or hung (what a drill must never see).
    }
    const attempt = { clientKey: answer.clientKey, startedAt, ms: Date.now() - startedAt, status, retryAfter };
    attempts.push(attempt);
    return attempt;
  }

  return {
    answers,
    acknowledged,
    attempts,
    newAnswer,
    send,
    unacknowledged: () => [...answers.values()].filter((a) => !acknowledged.has(a.clientKey)),
    /** How many tries ended with each status. */
    statusCounts: () =>
      attempts.reduce<Record<string, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {}),
  };
}

export type SubmissionLedger = ReturnType<typeof createSubmissionLedger>;

/** `clients` phones sending new answers one after another, each a short pause apart, until stopped. */
export function steadyLoad(ledger: SubmissionLedger, clients: number, pauseMs = 20) {
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      await ledger.send(ledger.newAnswer());
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Sends every unacknowledged answer again, the same client key and body, until each is acknowledged. */
export async function retryUntilAcknowledged(ledger: SubmissionLedger, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (let pending = ledger.unacknowledged(); pending.length > 0; pending = ledger.unacknowledged()) {
    if (Date.now() > deadline)
      throw new Error(
        `${pending.length} answers still unacknowledged: ${pending
          .slice(0, 5)
          .map((a) => a.clientKey)
          .join(', ')}…`,
      );
    for (let i = 0; i < pending.length; i += 8) await Promise.all(pending.slice(i, i + 8).map((a) => ledger.send(a)));
    if (ledger.unacknowledged().length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
