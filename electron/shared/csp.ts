// The one Content-Security-Policy: in the built index.html's meta tag, on the Electron protocol
// responses and on the browser-mode server's responses. Nothing remote, ever. React sets inline
// styles through the CSSOM, which CSP does not block, so style-src needs no 'unsafe-inline'.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
