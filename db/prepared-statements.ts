import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

const MARK = '/* prepared */ ';

/**
 * A statement PostgreSQL parses and plans once per connection and then reuses: for the hottest
 * statements whose text never varies (values only travel as parameters), such as the writer's.
 * On a direct connection only: through a transaction-mode pooler (PgBouncer before 1.21) a
 * prepared statement would land on whichever server connection is free, so it runs unprepared.
 */
export function prepared<T>(statement: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(MARK)}${statement}`;
}

const names = new Map<string, string>();

/** The name a marked statement is prepared under (the same on every connection), or undefined. */
export function preparedName(text: string): string | undefined {
  if (!text.startsWith(MARK)) return undefined;
  let name = names.get(text);
  if (!name) names.set(text, (name = `hl_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
  return name;
}
