import { httpIo } from './http-io.util';

export interface AutoSubmitForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

const unescapeHtml = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!match) return undefined;
  return unescapeHtml(match[2] ?? match[3] ?? match[4] ?? '');
};

/**
 * The self-submitting HTML form used for OIDC `form_post` responses and Deep Linking returns, and a
 * parser that reads such a form back the way a browser would (action, method, named inputs). The
 * parser is deliberately tolerant of attribute order and quoting: tools render these pages in many ways.
 */
export const autoSubmitForm = {
  render(action: string, fields: Record<string, string>, title = 'Continue'): string {
    const inputs = Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name="${httpIo.escapeHtml(k)}" value="${httpIo.escapeHtml(v)}">`)
      .join('');
    return (
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${httpIo.escapeHtml(title)}</title></head><body>` +
      `<form id="lti-auto-submit" method="post" action="${httpIo.escapeHtml(action)}" enctype="application/x-www-form-urlencoded">` +
      `${inputs}<noscript><button type="submit">${httpIo.escapeHtml(title)}</button></noscript></form>` +
      `<script>document.getElementById('lti-auto-submit').submit();</script></body></html>`
    );
  },

  /** First <form> in the page, or undefined when there is none. */
  parse(html: string, baseUrl?: string): AutoSubmitForm | undefined {
    const formMatch = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!formMatch) return undefined;
    const formTag = /<form\b[^>]*>/i.exec(formMatch[0])![0];
    const rawAction = attr(formTag, 'action') ?? baseUrl ?? '';
    const action = baseUrl ? new URL(rawAction, baseUrl).toString() : rawAction;
    const method = (attr(formTag, 'method') ?? 'get').toUpperCase();
    const fields: Record<string, string> = {};
    for (const input of formMatch[1].match(/<input\b[^>]*>/gi) ?? []) {
      const name = attr(input, 'name');
      if (name) fields[name] = attr(input, 'value') ?? '';
    }
    return { action, method, fields };
  },
};
