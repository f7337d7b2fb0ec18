// The one Content-Security-Policy: the built index.html's meta tag, the Electron app:// responses
// and the browser-mode server's responses all use these constants.
// The renderer needs nothing from outside the app: no CDN, no web fonts, no analytics.
// - style-src 'self' without 'unsafe-inline': React's `style={{…}}` props are applied through the
//   CSSOM (element.style.setProperty), which CSP does not restrict; only parser-inserted <style>
//   elements and style="" attributes in HTML would be blocked, and the production build has none
//   (CSS is extracted into files). So no inline-style exception is needed.
// - img-src data: blob:: photo thumbnails arrive as data: URLs from the core (photo.thumb), and a
//   picked photo is previewed from a blob: URL before it is stored.
// - media-src blob:: "Nghe lại" plays the hall's recording from a blob: URL of the bytes the core
//   returned (audio.read); nothing is fetched from anywhere else.
// - base-uri/form-action/object-src: close the classic injection sinks even though we use none.
const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'self' blob:"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

const render = (directives: readonly (readonly [string, string])[]): string =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The full policy, sent as a response header by the app:// protocol handler. */
export const CONTENT_SECURITY_POLICY = render(CSP_DIRECTIVES);

/**
 * The policy for the `<meta http-equiv>` in index.html. `frame-ancestors` is dropped because
 * browsers ignore it in a meta tag and log a warning; the header still carries it.
 */
export const CONTENT_SECURITY_POLICY_META = render(CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors'));
