/**
 * Page slicing plus the RFC 8288 `Link` header NRPS and AGS use for paging. The cursor is a plain
 * `page` query parameter: tools must follow the `next` URL verbatim, never build it, and an opaque
 * parameter name of ours makes a tool that builds URLs itself fail visibly.
 */
export function paginate<T>(
  items: T[],
  requestUrl: URL,
  defaultLimit: number,
): { page: T[]; linkHeader?: string; error?: string } {
  const rawLimit = requestUrl.searchParams.get('limit');
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1) return { page: [], error: `invalid limit ${rawLimit}` };
  const pageNo = Number(requestUrl.searchParams.get('page') ?? '1');
  if (!Number.isInteger(pageNo) || pageNo < 1) return { page: [], error: 'invalid page' };

  const start = (pageNo - 1) * limit;
  const page = items.slice(start, start + limit);
  const links: string[] = [];
  const linkTo = (n: number, rel: string): void => {
    const url = new URL(requestUrl.toString());
    url.searchParams.set('page', String(n));
    url.searchParams.set('limit', String(limit));
    links.push(`<${url.toString()}>; rel="${rel}"`);
  };
  if (start + limit < items.length) linkTo(pageNo + 1, 'next');
  if (pageNo > 1) linkTo(pageNo - 1, 'prev');
  linkTo(1, 'first');
  linkTo(Math.max(1, Math.ceil(items.length / limit)), 'last');
  return { page, linkHeader: links.join(', ') };
}
