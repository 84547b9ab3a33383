import { autoSubmitForm, type AutoSubmitForm, type BrowserResponse, type LtiBrowser } from '@o2o/testing';

/** Every form of a page (action resolved, hidden inputs and selected options as fields). */
export function formsOf(page: { body: string; url: string }): AutoSubmitForm[] {
  const found: AutoSubmitForm[] = [];
  for (const match of page.body.matchAll(/<form\b[\s\S]*?<\/form>/gi)) {
    const form = autoSubmitForm.parse(match[0], page.url);
    if (!form) continue;
    for (const select of match[0].matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/gi)) {
      const selected = /<option value="([^"]*)"[^>]*selected/.exec(select[2]) ?? /<option value="([^"]*)"/.exec(select[2]);
      if (selected) form.fields[select[1]] = selected[1];
    }
    found.push(form);
  }
  return found;
}

/** Submits the page's form whose action ends with `action` (and whose fields match `where`), like a click would. */
export async function submit(
  browser: LtiBrowser, page: { body: string; url: string }, action: string,
  where: Record<string, string> = {}, fields: Record<string, string> = {},
): Promise<BrowserResponse> {
  const form = formsOf(page).find((f) => f.action.endsWith(`/lti/app/${action}`) && Object.entries(where).every(([k, v]) => f.fields[k] === v));
  if (!form) throw new Error(`no ${action} form matching ${JSON.stringify(where)} in ${page.url}`);
  const hops = await browser.navigate({ method: 'POST', url: form.action, form: { ...form.fields, ...fields } });
  return hops[hops.length - 1];
}
