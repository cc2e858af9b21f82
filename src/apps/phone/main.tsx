import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TICKET_VIEW_ELEMENT_ID } from '../../domain/kiosk/phone-pages.ts';
import { completeEnglish } from '../../ui/i18n/catalogs.ts';
import { enRestModules } from '../../ui/i18n/en-rest.ts';
import { startServiceWorker } from '../shell/pwa-update.ts';
import { PhoneApp } from './PhoneApp.tsx';
import '../../ui/base.css';

/**
 * The entry of the customer's phone pages (phone.html, which the hub serves at /t/<ticket>,
 * /join and /book): no device runtime to parse, and the English they show is in the same
 * script. The hub puts a tracked ticket's view into the page, so its place shows at once.
 */
completeEnglish(enRestModules);

function embeddedView(): unknown {
  const text = document.getElementById(TICKET_VIEW_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('phone.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <PhoneApp pathname={location.pathname} search={location.search} embeddedView={embeddedView()} />
  </StrictMode>,
);

// the tracking page's Web Push needs the worker (registered once the page has shown)
startServiceWorker();
