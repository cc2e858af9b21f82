/**
 * The setup page a new tablet opens over plain HTTP: the store authority to download, its
 * fingerprint to compare, steps per platform, and a QR code to the HTTPS surfaces. Rendered
 * on the hub with no script, so it works before the tablet can run the app.
 */
import { qrPath } from '../../domain/qr/qr.ts';
import { setupText } from './setup-text.ts';

export interface SetupPageModel {
  readonly language: string;
  readonly storeName: string;
  readonly caFingerprint: string;
  /** https://name:port, without a trailing slash. */
  readonly secureOrigin: string;
}

const SURFACES = ['kiosk', 'clerk', 'board', 'manager', 'floor'] as const;

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Inline styles only: the page has no other files to fetch. */
const STYLE = `
body{font:18px/1.5 system-ui,sans-serif;margin:0;padding:1.5rem;max-width:46rem;margin-inline:auto;color:#1b2321;background:#f4f6f5}
h1{font-size:1.6rem;color:#1d6f68}h2{font-size:1.2rem;margin-top:2rem}
a{color:#14564f}code{font-size:1rem;word-break:break-all;background:#fff;padding:.2rem .4rem;border-radius:.3rem}
.downloads a{display:inline-block;margin:.3rem .6rem .3rem 0;padding:.6rem 1rem;background:#1d6f68;color:#fff;border-radius:.5rem;text-decoration:none}
dt{font-weight:700;margin-top:.8rem}dd{margin-inline-start:0}
.qr{width:14rem;height:14rem;background:#fff;padding:.8rem}
.note{font-size:.9rem;color:#4a5553;margin-top:2rem}
`;

export function renderSetupPage(model: SetupPageModel): string {
  const t = setupText(model.language);
  const store = escapeHtml(model.storeName);
  const url = escapeHtml(`${model.secureOrigin}/`);
  const qr = qrPath(`${model.secureOrigin}/`);
  const platforms = (['android', 'chromeos', 'ipados', 'windows', 'linux'] as const)
    .map((p) => `<dt>${t(p)}</dt><dd>${escapeHtml(t(`${p}Steps`))}</dd>`)
    .join('');
  const surfaces = SURFACES.map(
    (s) =>
      `<li><a href="${url}${s}" data-surface="${s}">${escapeHtml(t(s))}</a> <code>${url}${s}</code></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${escapeHtml(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('title', { store: model.storeName }))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${t('title', { store })}</h1>
<p>${escapeHtml(t('intro'))}</p>
<h2>${escapeHtml(t('downloadTitle'))}</h2>
<p class="downloads">
<a href="/ca.crt" download="nextup-store-ca.crt" data-testid="setup-ca-pem">${escapeHtml(t('downloadPem'))}</a>
<a href="/ca.cer" download="nextup-store-ca.cer" data-testid="setup-ca-der">${escapeHtml(t('downloadDer'))}</a>
<a href="/ca.mobileconfig" data-testid="setup-ca-apple">${escapeHtml(t('downloadApple'))}</a>
</p>
<p>${escapeHtml(t('fingerprint'))}<br><code data-testid="setup-fingerprint">${escapeHtml(model.caFingerprint)}</code></p>
<h2>${escapeHtml(t('trustTitle'))}</h2>
<dl>${platforms}</dl>
<h2>${escapeHtml(t('openTitle'))}</h2>
<p>${t('openBody', { url: `<a href="${url}" data-testid="setup-secure-url">${url}</a>` })}</p>
<svg class="qr" role="img" aria-label="${escapeHtml(t('qrLabel', { url: `${model.secureOrigin}/` }))}" viewBox="-2 -2 ${qr.size + 4} ${qr.size + 4}" shape-rendering="crispEdges" data-testid="setup-qr" data-url="${url}"><rect x="-2" y="-2" width="${qr.size + 4}" height="${qr.size + 4}" fill="#fff"/><path d="${qr.d}" fill="#000"/></svg>
<h2>${escapeHtml(t('surfacesTitle'))}</h2>
<ul>${surfaces}</ul>
<p class="note">${escapeHtml(t('plainNote'))}</p>
</main>
</body>
</html>
`;
}
