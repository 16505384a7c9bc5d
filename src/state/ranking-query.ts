import { DEFAULT_DIR, type RankingQuery, type SortKey } from '../protocol/scoring.ts';

export const DEFAULT_QUERY: RankingQuery = {
  offset: 0,
  limit: 50,
  search: '',
  stage: -1,
  techField: '',
  city: '',
  sort: 'rank',
  dir: 'asc',
};

/** Clicking a header: the same column flips direction, another starts in its natural direction. */
export function toggleSort(q: RankingQuery, key: SortKey): RankingQuery {
  const dir = q.sort === key ? (q.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[key];
  return { ...q, sort: key, dir, offset: 0 };
}

/** A filter or search change starts again at the first page. */
export function withFilter(q: RankingQuery, patch: Partial<Pick<RankingQuery, 'search' | 'stage' | 'techField' | 'city' | 'flagged'>>): RankingQuery {
  return { ...q, ...patch, offset: 0 };
}
