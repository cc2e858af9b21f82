/**
 * The area manager's view of the chain (/chain, served by `nextup chain serve`): every store,
 * then one store in detail. Not a store device: no runtime, no storage, no MQTT; it reads the
 * chain service's JSON API. Language: `?lang=` or the browser's.
 */
import { useCallback, useEffect, useState } from 'react';
import { I18nProvider } from '../../ui/i18n/I18nProvider.tsx';
import { CHAIN_PATH, storeFromPath, storePath } from './chain-route.ts';
import { StoreBoard } from './StoreBoard.tsx';
import { StoreDetail } from './StoreDetail.tsx';
import './chain.css';

export function ChainPage({ pathname, search }: { pathname: string; search: string }) {
  const language = new URLSearchParams(search).get('lang') ?? navigator.language;
  const [path, setPath] = useState(pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((to: string) => {
    history.pushState(null, '', `${to}${location.search}`);
    setPath(to);
  }, []);
  const store = storeFromPath(path);
  return (
    <I18nProvider language={language}>
      <main className="chain" data-testid="chain">
        {store === undefined ? (
          <StoreBoard open={(s) => go(storePath(s))} />
        ) : (
          <StoreDetail key={store} store={store} back={() => go(CHAIN_PATH)} />
        )}
      </main>
    </I18nProvider>
  );
}
