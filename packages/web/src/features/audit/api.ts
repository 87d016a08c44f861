import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntriesPage } from '../../api/types';

export interface AuditQuery {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
}

/** One page of audit entries, newest first unless asked otherwise. */
export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) =>
      api<AuditEntriesPage>('GET', '/audit', { query: { ...query, sort: 'at' }, signal }),
    placeholderData: keepPreviousData,
  });
}
