import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { PLATFORM_STORAGE_FRAME, type FakeLtiPlatform, type LaunchRequestSpec } from '@o2o/testing';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);
/**
 * Site isolation off: with the tool's frame in its own process, Chromium 156 and playwright-core 1.65 lost track of
 * the frame's cross-process navigation after the OIDC form post about one run in five (the failure screenshot shows
 * the learner page rendered while the locator still saw the platform's /auth page, for 90 s). Cookie partitioning
 * and third-party cookie blocking, which these tests are about, do not depend on process isolation.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'];

/**
 * A Chromium profile that allows or blocks third-party cookies (`profile.cookie_controls_mode` 0 or 1). Current
 * headless Chromium blocks them by default, as Safari does and as Chrome does in incognito; the classic default allows
 * them. Both are tested.
 */
export async function launchChromiumContext(options: { thirdPartyCookies: boolean }): Promise<BrowserContext> {
  const dir = join(tmpdir(), `o2o-chromium-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(dir, 'Default'), { recursive: true });
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({
    profile: { cookie_controls_mode: options.thirdPartyCookies ? 0 : 1, block_third_party_cookies: !options.thirdPartyCookies },
  }));
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: FLAGS, viewport: { width: 1000, height: 800 } });
}

/**
 * The fake LMS's course page on its own origin: an iframe whose document auto-posts the login initiation to the tool
 * (as Moodle's and Canvas's launch pages do), and a listener for lti.frameResize that resizes the iframe. With
 * `platformStorage`, the page first embeds the platform's storage frame (`post_message_forwarding`, on the origin of
 * the platform's authorization endpoint, as Canvas does) and only then the tool, whose launches name it.
 */
export async function startLmsPage(
  platform: FakeLtiPlatform, spec: () => LaunchRequestSpec, port = 0, options: { platformStorage?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const storageFrame = options.platformStorage
    ? `<iframe id="storage" name="${PLATFORM_STORAGE_FRAME}" title="Platform storage" src="${platform.urls.platformStorage}" hidden></iframe>`
    : '';
  // The tool's login must find the storage frame answering, so it starts once that frame has loaded.
  const start = options.platformStorage
    ? `document.getElementById('storage').addEventListener('load',function(){document.getElementById('tool').src='/frame';});`
    : `document.getElementById('tool').src='/frame';`;
  const server = http.createServer((req, res) => {
    if (req.url === '/') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!DOCTYPE html><html><head><title>Course page</title></head><body><h1>Python for data analysis</h1>${storageFrame}
<iframe id="tool" name="tool" title="Offline sessions" style="width:100%;height:150px;border:1px solid #888"></iframe>
<script>window.addEventListener('message',function(e){if(e.data&&e.data.subject==='lti.frameResize'){document.getElementById('tool').style.height=e.data.height+'px';document.body.dataset.resized=String(e.data.height);}});
${start}</script>
</body></html>`);
      return;
    }
    if (req.url === '/frame') {
      const prepared = platform.prepareLaunch(spec());
      const inputs = Object.entries(prepared.loginParams).map(([k, v]) => `<input type="hidden" name="${k}" value="${String(v).replace(/"/g, '&quot;')}">`).join('');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!DOCTYPE html><html><body><form id="f" method="post" action="${prepared.loginUrl}">${inputs}</form><script>document.getElementById('f').submit();</script></body></html>`);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
