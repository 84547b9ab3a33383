import type { Locale } from '@o2o/i18n';
import { esc } from './html.util';

export interface PageParts {
  locale: Locale;
  title: string;
  body: string;
  /** CSP nonce of this response (inline style and scripts). */
  nonce: string;
  /** Extra inline script (already trusted code, no user data). */
  script?: string;
}

// Colours meet WCAG AA contrast on white (text 16:1, links/buttons 7:1); focus is always visible.
const STYLE = `
:root{color-scheme:light}body{font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;color:#1b1b1b;background:#fff;margin:0;padding:16px;max-width:960px}
h1{font-size:1.5rem;margin:0 0 12px}h2{font-size:1.2rem;margin:24px 0 8px}h3{font-size:1.05rem;margin:0 0 4px}
a{color:#0a3d91}button,.button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid #0a3d91;background:#0a3d91;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0a3d91}button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #b45309;outline-offset:2px}
ul.cards{list-style:none;padding:0;margin:0}ul.cards>li{border:1px solid #c4c4c4;border-radius:8px;padding:12px;margin:0 0 12px}
.meta{color:#3d3d3d;margin:2px 0}.reason{color:#1f4d1f;margin:6px 0}.notice{border-left:4px solid #0a3d91;background:#eef3fb;padding:8px 12px;margin:0 0 16px}
.error{border-left:4px solid #a61b1b;background:#fdeeee;padding:8px 12px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px;border-bottom:1px solid #d0d0d0}
label{display:block;margin:8px 0 2px}input,select{font:inherit;padding:4px 6px;border:1px solid #6b6b6b;border-radius:4px}form.inline{display:inline}
nav ul{list-style:none;padding:0;display:flex;gap:8px;flex-wrap:wrap}code{background:#f1f1f1;padding:2px 4px;word-break:break-all}.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.inline-label{display:inline}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

/** Tells the LMS frame our height (lti.frameResize, understood by Canvas and Moodle), on load and whenever it changes. */
const FRAME_RESIZE = `(function(){var last=0;function send(){var h=Math.ceil(document.documentElement.scrollHeight);if(h===last)return;last=h;
try{(window.parent!==window?window.parent:window.opener||window).postMessage({subject:'lti.frameResize',height:h},'*');}catch(e){}}
window.addEventListener('load',send);if(window.ResizeObserver){new ResizeObserver(send).observe(document.body);}})();`;

/** The whole HTML document of a page: language, title, styles and scripts under the response's CSP nonce. */
export function renderLayout(parts: PageParts): string {
  const nonce = esc(parts.nonce);
  return `<!DOCTYPE html><html lang="${esc(parts.locale)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(parts.title)}</title>` +
    `<style nonce="${nonce}">${STYLE}</style></head><body><main id="main">${parts.body}</main>` +
    `<script nonce="${nonce}">${FRAME_RESIZE}${parts.script ?? ''}</script></body></html>`;
}
