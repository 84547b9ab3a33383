import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_STORAGE_FRAME } from '@o2o/testing';
import { createSession } from './support/fixtures';
import { chromiumAvailable, launchChromiumContext, startLmsPage } from './support/lti-chromium';
import { freePort } from './support/free-port';
import { LtiHarness, startLtiHarness } from './support/lti-harness';
import { AUTH } from './support/test-app';

const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
jest.setTimeout(240_000);
const describeIfChromium = chromiumAvailable() ? describe : describe.skip;

/**
 * A real browser: the LMS course page on http://127.0.0.1:<lms> frames the tool on http://localhost:<tool> (another
 * site, so the tool's cookies are third-party), the learner page renders in the frame and a click books a seat.
 */
describeIfChromium('the tool inside an LMS page in headless Chromium', () => {
  let h: LtiHarness;
  let lms: { url: string; close(): Promise<void> };
  let storageLms: { url: string; close(): Promise<void> };
  let learner = 0;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const lmsPort = await freePort();
    const storageLmsPort = await freePort();
    h = await startLtiHarness('sqlite', { host: 'localhost', lmsOrigins: [`http://127.0.0.1:${lmsPort}`, `http://127.0.0.1:${storageLmsPort}`] });
    // The first launch creates the course, so the session below belongs to it.
    expect((await h.platform.launch({ user: { id: 'u-ines' }, context: 'course-1' })).status).toBe(200);
    const courseId = (await h.t.http().get('/api/v1/courses').set(AUTH)).body[0].id;
    await createSession(h.t, { title: 'Numpy bootcamp', topic: 'data-analysis', courseId, capacity: 3 });
    lms = await startLmsPage(h.platform, () => ({ user: { id: `browser-learner-${++learner}`, name: `Browser Learner ${learner}` }, context: 'course-1' }), lmsPort);
    storageLms = await startLmsPage(h.platform, () => ({
      user: { id: `browser-learner-${++learner}`, name: `Browser Learner ${learner}` }, context: 'course-1',
      extraLoginParams: { lti_storage_target: PLATFORM_STORAGE_FRAME },
    }), storageLmsPort, { platformStorage: true });
  });
  afterAll(async () => {
    await storageLms?.close();
    await lms?.close();
    await h?.close();
  });

  it('renders the learner page in the cross-site frame, resizes it, and books a seat with a click', async () => {
    const context = await launchChromiumContext({ thirdPartyCookies: true });
    const page = await context.newPage();
    await page.goto(lms.url);
    const frame = page.frameLocator('#tool');
    // Generous: once, under heavy machine load, the first launch of a fresh Chromium profile took longer than 45 s.
    await frame.getByRole('heading', { name: 'Offline sessions for Python for data analysis' }).waitFor({ timeout: 90_000 }).catch(async (err) => {
      // Keep what the frame showed: the only way to tell a slow machine from a browser that blocked the cookie.
      await page.screenshot({ path: join(ARTIFACTS, 'lti-frame-failure.png'), fullPage: true });
      const shown = await Promise.all(page.frames().map(async (f) => `${f.url()}: ${await f.locator('body').innerText().catch(() => '')}`));
      throw new Error(`${(err as Error).message}\n${shown.join('\n')}`);
    });
    await page.waitForFunction('Number(document.body.dataset.resized) > 300');
    await page.screenshot({ path: join(ARTIFACTS, 'lti-frame-learner-page.png'), fullPage: true });
    await frame.getByRole('button', { name: 'Book: Numpy bootcamp' }).click();
    await frame.getByText('You are booked for Numpy bootcamp.').waitFor({ timeout: 30_000 });
    await frame.locator('#bookings').getByText('Booked').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'lti-frame-booked.png'), fullPage: true });
    await context.close();
  });

  it('with third-party cookies blocked, the frame offers a new window, where the launch completes and booking works', async () => {
    const context = await launchChromiumContext({ thirdPartyCookies: false });
    try {
      const page = await context.newPage();
      await page.goto(lms.url);
      const frame = page.frameLocator('#tool');
      const button = frame.getByRole('button', { name: 'Open in a new window' });
      await button.waitFor({ timeout: 45_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'lti-frame-cookies-blocked.png'), fullPage: true });
      const [popup] = await Promise.all([context.waitForEvent('page'), button.click()]);
      await popup.getByRole('heading', { name: 'Offline sessions for Python for data analysis' }).waitFor({ timeout: 45_000 });
      await frame.getByText('The tool is open in another window.').waitFor();
      await popup.getByRole('button', { name: 'Book: Numpy bootcamp' }).click();
      await popup.getByText('You are booked for Numpy bootcamp.').waitFor({ timeout: 30_000 });
      await popup.screenshot({ path: join(ARTIFACTS, 'lti-new-window-booked.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('with third-party cookies blocked and LTI Platform Storage offered, the launch completes inside the frame', async () => {
    const context = await launchChromiumContext({ thirdPartyCookies: false });
    try {
      const page = await context.newPage();
      const opened: unknown[] = [];
      context.on('page', (p) => opened.push(p));
      await page.goto(storageLms.url);
      const frame = page.frameLocator('#tool');
      await frame.getByRole('heading', { name: 'Offline sessions for Python for data analysis' }).waitFor({ timeout: 90_000 }).catch(async (err) => {
        await page.screenshot({ path: join(ARTIFACTS, 'lti-platform-storage-failure.png'), fullPage: true });
        const shown = await Promise.all(page.frames().map(async (f) => `${f.url()}: ${await f.locator('body').innerText().catch(() => '')}`));
        throw new Error(`${(err as Error).message}\n${shown.join('\n')}`);
      });
      await page.screenshot({ path: join(ARTIFACTS, 'lti-platform-storage-learner-page.png'), fullPage: true });
      expect(opened).toHaveLength(0);
      const toolOrigin = new URL(h.toolUrl).origin;
      const platformOrigin = new URL(h.platform.urls.platformStorage).origin;
      const storageFrame = page.frame({ name: PLATFORM_STORAGE_FRAME })!;
      const log = await storageFrame.evaluate(() => (globalThis as unknown as { ltiStorageLog: { origin: string; subject: string; key: string; found?: boolean; error?: string }[] }).ltiStorageLog);
      // The login put state and nonce; the launch, without its cookie, read both back and took the second step.
      expect(log.filter((l) => l.subject === 'lti.put_data').map((l) => [l.origin, l.key.split('-')[0], l.error])).toEqual([
        [toolOrigin, 'state', undefined], [toolOrigin, 'nonce', undefined]]);
      expect(log.filter((l) => l.subject === 'lti.get_data').map((l) => [l.origin, l.key.split('-')[0], l.found])).toEqual([
        [toolOrigin, 'state', true], [toolOrigin, 'nonce', true]]);
      expect((await context.cookies(h.toolUrl)).filter((c) => c.name.startsWith('state'))).toEqual([]);

      await frame.getByRole('button', { name: 'Book: Numpy bootcamp' }).click();
      await frame.getByText('You are booked for Numpy bootcamp.').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'lti-platform-storage-booked.png'), fullPage: true });

      // The platform frame answers lti.capabilities to the tool, and refuses an origin that is not a registered tool.
      const ask = (message: Record<string, unknown>) => `new Promise((resolve) => {
        window.addEventListener('message', (e) => { if (e.data && e.data.message_id === ${JSON.stringify(message.message_id)}) resolve(e.data); });
        window.parent.frames[${JSON.stringify(PLATFORM_STORAGE_FRAME)}].postMessage(${JSON.stringify(message)}, ${JSON.stringify(platformOrigin)});
      })`;
      const capabilities = await page.frame({ name: 'tool' })!.evaluate(ask({ subject: 'lti.capabilities', message_id: 'caps-1' }));
      expect((capabilities as { supported_messages: unknown[] }).supported_messages).toEqual(expect.arrayContaining([
        { subject: 'lti.put_data', frame: PLATFORM_STORAGE_FRAME }, { subject: 'lti.get_data', frame: PLATFORM_STORAGE_FRAME }]));
      const foreign = await page.evaluate(ask({ subject: 'lti.get_data', message_id: 'foreign-1', key: log[0].key }).replace('window.parent.frames', 'window.frames'));
      expect(foreign).toMatchObject({ subject: 'lti.get_data.response', error: { code: 'wrong_origin' } });
    } finally {
      await context.close();
    }
  });
});
