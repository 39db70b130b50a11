// The cockpit page as the daemon serves it: the built index.html with the bootstrap script injected
// before `</head>` (contract §2.4; same byte shape as the upstream `mount_spa`).

export function indexHtml(token: string): string {
  const bootstrap =
    `<script>window.__HERMES_SESSION_TOKEN__="${token}";` +
    'window.__HERMES_DASHBOARD_EMBEDDED_CHAT__=false;' +
    'window.__HERMES_BASE_PATH__="";</script>';
  return (
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Hermes Agent</title>' +
    '<script type="module" crossorigin src="/assets/index-fake.js"></script>' +
    `${bootstrap}</head><body><div id="root"></div></body></html>`
  );
}

export const INDEX_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store, no-cache, must-revalidate',
} as const;

export const FRONTEND_NOT_BUILT_BODY = { error: 'Frontend not built. Run: cd web && npm run build' };
