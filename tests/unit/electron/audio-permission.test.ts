// The one permission the app grants: the microphone alone, to its own page, to record the hall.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, permissionCheckHandler, permissionRequestHandler } from '../../../electron/main/security';

const ask = (permission: string, details?: { mediaTypes?: string[]; requestingUrl?: string }): boolean => {
  let granted: boolean | null = null;
  permissionRequestHandler({}, permission, (g) => (granted = g), details);
  return granted!;
};

describe('microphone permission', () => {
  it('is granted for audio only, from the app', () => {
    expect(ask('media', { mediaTypes: ['audio'], requestingUrl: `${APP_ORIGIN}/index.html` })).toBe(true);
    expect(permissionCheckHandler({}, 'media', APP_ORIGIN, { mediaType: 'audio' })).toBe(true);
  });
  it('is refused for the camera, for unknown media, off the app, and without details', () => {
    expect(ask('media', { mediaTypes: ['audio', 'video'], requestingUrl: APP_ORIGIN })).toBe(false);
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: APP_ORIGIN })).toBe(false);
    expect(ask('media', { mediaTypes: [], requestingUrl: APP_ORIGIN })).toBe(false);
    expect(ask('media', { mediaTypes: ['audio'], requestingUrl: 'https://example.com/' })).toBe(false);
    expect(ask('media', { mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media')).toBe(false);
    expect(ask('geolocation', { mediaTypes: ['audio'], requestingUrl: APP_ORIGIN })).toBe(false);
    expect(permissionCheckHandler({}, 'media', APP_ORIGIN, { mediaType: 'video' })).toBe(false);
    expect(permissionCheckHandler({}, 'media', 'http://127.0.0.1:5173', { mediaType: 'audio' })).toBe(false);
    expect(permissionCheckHandler()).toBe(false);
  });
});
