import type { Meta } from '../app/api-types';
import type { Filter } from './filter';

/** What every analyst page gets from the shell: the filter from the URL (and its canonical query), and the tenant's lists. */
export interface PageProps {
  filter: Filter;
  /** filterToQuery(filter): the key a page re-fetches on. */
  query: string;
  meta: Meta | null;
}
