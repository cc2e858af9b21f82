import { useEffect, useState } from 'react';
import { useRuntime } from '../../shell/device-context.ts';
import {
  loadReport,
  reportUrl,
  type Loaded,
  type ReportOf,
  type ReportQuery,
} from './reports-client.ts';

/** One report for a day range; reloads when the range changes. */
export function useReport<Q extends ReportQuery>(
  query: Q,
  from: string,
  to: string,
  reload = 0,
): Loaded<ReportOf<Q>> | undefined {
  const { apiAuth } = useRuntime();
  const [loaded, setLoaded] = useState<Loaded<ReportOf<Q>>>();
  useEffect(() => {
    const abort = new AbortController();
    setLoaded(undefined);
    loadReport<ReportOf<Q>>(reportUrl(query, from, to), apiAuth, abort.signal).then(
      setLoaded,
      () => undefined,
    );
    return () => abort.abort();
  }, [query, from, to, reload, apiAuth]);
  return loaded;
}
