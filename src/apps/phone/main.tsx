import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { completeEnglish } from '../../ui/i18n/catalogs.ts';
import { enRestModules } from '../../ui/i18n/en-rest.ts';
import { startServiceWorker } from '../shell/pwa-update.ts';
import { embeddedView } from './embedded-view.ts';
import { PhoneApp } from './PhoneApp.tsx';
import '../../ui/base.css';

/**
 * The customer's phone pages (phone.html, which the hub serves at /t/<ticket>, /join and
 * /book), loaded by first-paint.ts once it has drawn what it can: no device runtime to parse,
 * and the English they show is in the same load. The hub puts a tracked ticket's view into
 * the page, so the first render shows the place too.
 */
completeEnglish(enRestModules);

const root = document.getElementById('root');
if (!root) throw new Error('phone.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <PhoneApp pathname={location.pathname} search={location.search} embeddedView={embeddedView()} />
  </StrictMode>,
);

// the tracking page's Web Push needs the worker (registered once the page has shown)
startServiceWorker();
