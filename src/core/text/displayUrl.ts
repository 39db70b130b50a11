// URLs as they may be shown: in CLI output, the tree, tooltips, logs and error messages. A daemon
// URL from settings or the command line can carry credentials (`http://user:SECRET@host/`) or a
// secret in its query (`?token=...`); neither is ever displayed. The URL used for requests is
// unchanged; only its display form drops them.

const REDACTED = '***';

/**
 * The URL without its password or user name (each shown as `***`), with every query value shown as
 * `***` (names kept, they help tell URLs apart) and without a fragment. Text that does not parse as
 * a URL is cut at the first `?`/`#` and loses anything up to an `@` after the scheme.
 */
export function displayUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.replace(/[?#].*$/s, '').replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, `$1${REDACTED}@`);
  }
  const credentials = url.username || url.password ? `${REDACTED}@` : '';
  const query = [...url.searchParams.keys()].map((name) => `${encodeURIComponent(name)}=${REDACTED}`).join('&');
  // `http://host:9119` stays as written (URL would add the root path's `/`).
  const path =
    url.pathname === '/' &&
    !raw
      .trim()
      .replace(/[?#].*$/s, '')
      .endsWith('/')
      ? ''
      : url.pathname;
  return `${url.protocol}//${credentials}${url.host}${path}${query ? `?${query}` : ''}`;
}
