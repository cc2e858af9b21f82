import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './apps/shell/App.tsx';
import { startServiceWorker } from './apps/shell/pwa-update.ts';
import './ui/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App pathname={location.pathname} />
  </StrictMode>,
);

startServiceWorker();
