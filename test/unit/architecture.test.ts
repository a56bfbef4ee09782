/**
 * The rooms and their arrows (README "Layout"), checked on every import of every .ts/.tsx file.
 *
 *   surveys/  pure domain: imports surveys/ and zod only; no node: module, so no I/O.
 *   db/       Kysely, all the SQL: imports db/ and surveys/.
 *   server/   Hono: imports server/, db/ and surveys/.
 *   client/   Preact: imports client/ and surveys/.
 *   Nothing but server/ itself, test/ and bench/ imports server/. SQL (kysely's runtime, the
 *   query builder, statements in strings) is written in db/ only (test/ and bench/ are not checked).
 *
 * Inside server/, floors, lowest first. A file imports its own floor or a lower one, never higher:
 *   0  http/     request plumbing: errors, the app's context types, query and body parsing, the
 *                analyst filter, the unit-scope check, source hashing, client address, TLS
 *                detection, response headers. Imports no other server folder.
 *   1  config/   the environment, read once at start, and the settings made from it.
 *   2  audit/    the audit log: a service that auth and the features write to.
 *   3  auth/     sessions, passwords, login, the access middleware.
 *   4  features  every other folder (citizen/, stats/, cases/, exports/, reports/, …). They may
 *                use each other (reports/ reads stats/), as long as no folders import in a loop.
 *   5  server/main.ts, server/app.ts: the wiring at the top, which nothing imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeSql, sourceFacts, type ImportFact, type SourceFacts } from '../support/source-facts';

const ROOMS = ['surveys', 'db', 'server', 'client'] as const;
type Room = (typeof ROOMS)[number];
const MAY_IMPORT: Record<Room, readonly Room[]> = {
  surveys: ['surveys'],
  db: ['db', 'surveys'],
  server: ['server', 'db', 'surveys'],
  client: ['client', 'surveys'],
};
const SURVEYS_PACKAGES = new Set(['zod']);

const SERVER_FLOORS: Record<string, number> = { http: 0, config: 1, audit: 2, auth: 3 };
const FEATURE_FLOOR = 4;
const TOP = '(top)';
const TOP_FLOOR = 5;
const floorOf = (part: string) => (part === TOP ? TOP_FLOOR : (SERVER_FLOORS[part] ?? FEATURE_FLOOR));
const floorName = (part: string) => (part === TOP ? 'server/*.ts' : `server/${part}/`);

/** Each file's imports and SQL, by repository path. */
type Facts = ReadonlyMap<string, SourceFacts>;
interface Arrow extends ImportFact {
  from: string;
  /** The repository path imported, for a relative specifier. */
  to?: string;
}

const where = (a: Arrow) => `${a.from}:${a.line} imports '${a.specifier}'`;
const roomOf = (path: string) => ROOMS.find((room) => path.startsWith(`${room}/`));
const serverPart = (path: string) => (path.split('/').length === 2 ? TOP : path.split('/')[1]!);
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier));

const factsOf = (sources: ReadonlyMap<string, string>): Facts =>
  new Map([...sources].map(([path, text]) => [path, sourceFacts(path, text)]));

function arrowsOf(facts: Facts): Arrow[] {
  return [...facts].flatMap(([from, { imports }]) =>
    imports.map((fact) => ({
      ...fact,
      from,
      ...(fact.specifier.startsWith('.') ? { to: posix.normalize(posix.join(posix.dirname(from), fact.specifier)) } : {}),
    })),
  );
}

function roomViolations(arrows: Arrow[]): string[] {
  return arrows.flatMap((a) => {
    const room = roomOf(a.from)!;
    if (a.to === undefined) {
      if (room !== 'surveys') return [];
      if (isNodeBuiltin(a.specifier)) return [`${where(a)}: surveys/ stays pure, no node: module (no I/O)`];
      if (!SURVEYS_PACKAGES.has(packageOf(a.specifier)))
        return [`${where(a)}: surveys/ uses no package but ${[...SURVEYS_PACKAGES].join(', ')}`];
      return [];
    }
    const target = roomOf(a.to);
    if (target && MAY_IMPORT[room].includes(target)) return [];
    return [`${where(a)}: ${room}/ may import ${MAY_IMPORT[room].map((r) => `${r}/`).join(', ')} only, not ${a.to.split('/')[0]}/`];
  });
}

/** Arrows between two different parts of server/ (a folder, or the top-level files). */
function serverArrows(arrows: Arrow[]) {
  return arrows
    .filter((a) => roomOf(a.from) === 'server' && a.to !== undefined && roomOf(a.to) === 'server')
    .map((a) => ({ arrow: a, from: serverPart(a.from), to: serverPart(a.to!) }))
    .filter((e) => e.from !== e.to);
}

function floorViolations(arrows: Arrow[]): string[] {
  return serverArrows(arrows)
    .filter((e) => floorOf(e.to) > floorOf(e.from))
    .map(
      (e) =>
        `${where(e.arrow)}: ${floorName(e.from)} (floor ${floorOf(e.from)}) may not import ${floorName(e.to)} (floor ${floorOf(e.to)}); arrows inside server/ point down`,
    );
}

/** Folders of server/ that import each other in a loop: each loop (strongly connected set, Tarjan) shown by its shortest round. */
function loopViolations(arrows: Arrow[]): string[] {
  const edges = new Map<string, Map<string, Arrow>>();
  for (const e of serverArrows(arrows)) {
    const out = edges.get(e.from) ?? new Map<string, Arrow>();
    if (!out.has(e.to)) out.set(e.to, e.arrow);
    edges.set(e.from, out);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const loops: string[][] = [];
  const connect = (part: string) => {
    index.set(part, index.size);
    low.set(part, index.get(part)!);
    stack.push(part);
    for (const next of edges.get(part)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(part, Math.min(low.get(part)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(part, Math.min(low.get(part)!, index.get(next)!));
      }
    }
    if (low.get(part) === index.get(part)) {
      const members = stack.splice(stack.indexOf(part));
      if (members.length > 1) loops.push(members.sort());
    }
  };
  for (const part of edges.keys()) if (!index.has(part)) connect(part);
  return loops.map((members) => {
    const round = shortestRound(members[0]!, (part) => [...(edges.get(part)?.keys() ?? [])].filter((to) => members.includes(to)));
    const steps = round.slice(1).map((to, i) => `${floorName(to)} (${where(edges.get(round[i]!)!.get(to)!)})`);
    return `server folders import each other in a loop: ${floorName(round[0]!)} → ${steps.join(' → ')}`;
  });
}

/** The shortest way from a part back to itself (breadth first), as the list of parts passed. */
function shortestRound(start: string, next: (part: string) => string[]): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const part = queue.shift()!;
    for (const to of next(part)) {
      if (to === start) {
        const round = [start];
        for (let at: string | undefined = part; at !== start && at !== undefined; at = cameFrom.get(at)) round.splice(1, 0, at);
        return [...round, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, part);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

function sqlViolations(facts: Facts): string[] {
  return [...facts]
    .filter(([path]) => roomOf(path) !== 'db')
    .flatMap(([path, { sql }]) => sql.map((s) => `${path}:${s.line} ${s.what}: SQL belongs in db/`));
}

function readRooms(): Map<string, string> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const sources = new Map<string, string>();
  for (const room of ROOMS) {
    for (const entry of readdirSync(`${root}${room}`, { recursive: true, encoding: 'utf8' })) {
      if (/\.tsx?$/.test(entry))
        sources.set(posix.join(room, entry.split('\\').join('/')), readFileSync(`${root}${room}/${entry}`, 'utf8'));
    }
  }
  return sources;
}

describe('architecture: the rooms and their arrows', () => {
  const facts = factsOf(readRooms());
  const arrows = arrowsOf(facts);

  it('reads every source file of the four rooms and their imports', () => {
    const files = (room: Room) => [...facts.keys()].filter((p) => roomOf(p) === room).length;
    expect(ROOMS.map(files).every((n) => n > 20)).toBe(true);
    expect(arrows.filter((a) => a.to !== undefined).length).toBeGreaterThan(1000);
    expect(facts.has('server/http/unit-scope.ts') && facts.has('client/main.tsx')).toBe(true);
  });

  it('imports follow the arrows between rooms; surveys/ stays pure', () => {
    expect(roomViolations(arrows)).toEqual([]);
  });

  it('inside server/, imports point down the floors: plumbing imports no feature', () => {
    expect(floorViolations(arrows)).toEqual([]);
  });

  it('no two server folders import each other, directly or round a loop', () => {
    expect(loopViolations(arrows)).toEqual([]);
  });

  it('no SQL outside db/', () => {
    expect(sqlViolations(facts)).toEqual([]);
  });
});

describe('architecture: the checks themselves', () => {
  const broken = new Map([
    [
      'surveys/a.ts',
      "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nimport { render } from 'preact';\nimport type { Unit } from '../db/units';",
    ],
    ['db/b.ts', "export type { AppEnv } from '../server/http/context';"],
    ['client/c.ts', "import { units } from '../surveys/units';\nconst app = import('../server/app');"],
    ['server/http/d.ts', "import type { Lang } from '../citizen/texts';"],
    ['server/citizen/texts.ts', "import { phone } from '../cases/phone';"],
    ['server/cases/phone.ts', "import { T } from '../citizen/texts';\nimport { sql } from 'kysely';\nexport const q = sql`select 1`;"],
    [
      'server/stats/e.ts',
      "const s = 'delete from sessions where id = $1';\nconst t = db.selectFrom('units');\nexport type K = typeof import('../app');",
    ],
  ]);
  const facts = factsOf(broken);
  const arrows = arrowsOf(facts);

  it('names each import that breaks the arrows between rooms', () => {
    expect(roomViolations(arrows)).toEqual([
      "surveys/a.ts:1 imports 'node:fs': surveys/ stays pure, no node: module (no I/O)",
      "surveys/a.ts:3 imports 'preact': surveys/ uses no package but zod",
      "surveys/a.ts:4 imports '../db/units': surveys/ may import surveys/ only, not db/",
      "db/b.ts:1 imports '../server/http/context': db/ may import db/, surveys/ only, not server/",
      "client/c.ts:2 imports '../server/app': client/ may import client/, surveys/ only, not server/",
    ]);
  });

  it('names each import that climbs a floor of server/, and each loop', () => {
    expect(floorViolations(arrows)).toEqual([
      "server/http/d.ts:1 imports '../citizen/texts': server/http/ (floor 0) may not import server/citizen/ (floor 4); arrows inside server/ point down",
      "server/stats/e.ts:3 imports '../app': server/stats/ (floor 4) may not import server/*.ts (floor 5); arrows inside server/ point down",
    ]);
    expect(loopViolations(arrows)).toEqual([
      "server folders import each other in a loop: server/cases/ → server/citizen/ (server/cases/phone.ts:1 imports '../citizen/texts') → server/cases/ (server/citizen/texts.ts:1 imports '../cases/phone')",
    ]);
  });

  it('names each place that writes SQL outside db/', () => {
    expect(sqlViolations(facts)).toEqual([
      "server/cases/phone.ts:2 imports kysely's runtime (sql, the query builder): SQL belongs in db/",
      "server/cases/phone.ts:3 uses kysely's sql`…` template: SQL belongs in db/",
      'server/stats/e.ts:1 holds an SQL statement in a string: "delete from sessions where id = $1": SQL belongs in db/',
      'server/stats/e.ts:2 builds a query (.selectFrom): SQL belongs in db/',
    ]);
  });

  it('tells a statement from a sentence of the interface', () => {
    const statements = [
      'select count(*)::int as n from responses r ',
      'insert into units (code) values ($1)',
      'update cases set state = $1',
      'SELECT id FROM users',
      '\n  delete from sessions where expires_at < now()',
    ];
    const sentences = [
      'Select the unit from the list.',
      'Could not update the case: set a reason first',
      'the answers you select from this list are kept.',
      'Chọn đơn vị từ danh sách',
      'Xóa (delete) phiếu khỏi danh sách?',
    ];
    expect(statements.filter(looksLikeSql)).toEqual(statements);
    expect(sentences.filter(looksLikeSql)).toEqual([]);
  });
});
