// The hall-sound keys and the recorder's pure helpers: the keys never fire while an input method
// composes and never take a key of the live screen or the projector; speaker jumps go to the
// right stretch across parts; PCM is clamped and little-endian; base64 survives large chunks.
import { describe, expect, it } from 'vitest';
import { AUDIO_KEYS, clock, matchAudioKey, megabytes, selectedEntry, stepSpeech } from '../../../renderer/src/audio/keys';
import { floatToPcm16, pickMime, toBase64 } from '../../../renderer/src/audio/pcm';
import { readFileSync } from 'node:fs';
import { PROJECTOR_KEYS, matchProjectorKey } from '../../../electron/shared/timer';
import { REPO_ROOT } from '../../helpers/tmp';

// The live screen's map is read as text: its module needs the DOM's types, which these tests lack.
const liveKeys = [...readFileSync(`${REPO_ROOT}/renderer/src/screens/live/shortcuts.ts`, 'utf8').matchAll(/keys: \[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((k) => k[1]!));

const key = (code: string, o: Partial<{ key: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; isComposing: boolean; keyCode: number }> = {}) => ({
  key: o.key ?? '',
  code,
  altKey: o.altKey ?? false,
  ctrlKey: o.ctrlKey ?? false,
  metaKey: false,
  shiftKey: o.shiftKey ?? false,
  isComposing: o.isComposing ?? false,
  keyCode: o.keyCode ?? 0,
});

describe('audio keys', () => {
  it('match Alt+R, Alt+V, Alt+, Alt+. and F9', () => {
    expect(matchAudioKey(key('KeyR', { altKey: true }))).toBe('record');
    expect(matchAudioKey(key('KeyV', { altKey: true }))).toBe('replay');
    expect(matchAudioKey(key('Comma', { altKey: true }))).toBe('prevSpeech');
    expect(matchAudioKey(key('Period', { altKey: true }))).toBe('nextSpeech');
    expect(matchAudioKey(key('F9', { key: 'F9' }))).toBe('playPause');
    expect(matchAudioKey(key('KeyR'))).toBeNull();
    expect(matchAudioKey(key('KeyR', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(matchAudioKey(key('F9', { key: 'F9', shiftKey: true }))).toBeNull();
  });

  it('never fire while an input method is composing', () => {
    expect(matchAudioKey(key('KeyR', { altKey: true, isComposing: true }))).toBeNull();
    expect(matchAudioKey(key('F9', { key: 'F9', keyCode: 229 }))).toBeNull();
  });

  it('take no key of the live screen, the meeting or the projector', () => {
    for (const k of AUDIO_KEYS) {
      for (const spec of k.keys) {
        const alt = spec.startsWith('Alt+');
        const rest = alt ? spec.slice(4) : spec;
        const code = rest === ',' ? 'Comma' : rest === '.' ? 'Period' : /^[A-Z]$/.test(rest) ? `Key${rest}` : rest;
        const ev = key(code, { key: alt ? rest.toLowerCase() : rest, altKey: alt });
        expect(matchProjectorKey(ev), spec).toBeNull();
        expect(matchAudioKey(ev), spec).toBe(k.id);
      }
    }
    expect(liveKeys).toContain('Alt+N');
    expect(liveKeys).toContain('Alt+1');
    const others = [...liveKeys, ...PROJECTOR_KEYS.flatMap((s) => s.keys)];
    for (const k of AUDIO_KEYS.flatMap((a) => a.keys)) expect(others).not.toContain(k);
  });

  it('reads the selected timeline row', () => {
    let asked = '';
    const doc = { querySelector: (sel: string) => ((asked = sel), { dataset: { key: 'reply12' } }) };
    expect(selectedEntry(doc)).toEqual({ kind: 'reply', id: 12 });
    expect(asked).toBe('[data-testid="tl-row"][aria-current="true"]');
    expect(selectedEntry({ querySelector: () => ({ dataset: { key: 'photo3' } }) })).toBeNull();
    expect(selectedEntry({ querySelector: () => null })).toBeNull();
  });
});

describe('stepSpeech', () => {
  const speech = [
    { part: 1, startMs: 2_000 },
    { part: 1, startMs: 10_000 },
    { part: 2, startMs: 1_000 },
  ];
  it('goes to the next speaker, across parts', () => {
    expect(stepSpeech(speech, { part: 1, ms: 0 }, 1)).toBe(speech[0]);
    expect(stepSpeech(speech, { part: 1, ms: 2_100 }, 1)).toBe(speech[1]);
    expect(stepSpeech(speech, { part: 1, ms: 12_000 }, 1)).toBe(speech[2]);
    expect(stepSpeech(speech, { part: 2, ms: 5_000 }, 1)).toBeNull();
  });
  it('goes back to the speaker before the one being heard', () => {
    expect(stepSpeech(speech, { part: 2, ms: 1_200 }, -1)).toBe(speech[1]);
    expect(stepSpeech(speech, { part: 1, ms: 12_000 }, -1)).toBe(speech[1]);
    expect(stepSpeech(speech, { part: 1, ms: 2_500 }, -1)).toBeNull();
  });
});

describe('recorder helpers', () => {
  it('clamps and writes 16-bit little-endian PCM', () => {
    const b = floatToPcm16([new Float32Array([0, 1, -1, 2, -2]), new Float32Array([0.5])]);
    const v = new DataView(b.buffer);
    expect([0, 2, 4, 6, 8, 10].map((o) => v.getInt16(o, true))).toEqual([0, 32767, -32768, 32767, -32768, 16383]);
  });
  it('encodes base64 exactly, past the argument-count limit of one call', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
  it('prefers Opus in WebM, then Ogg, else says none', () => {
    expect(pickMime(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickMime((m) => m.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickMime(() => false)).toBeNull();
  });
  it('shows times and sizes the Vietnamese way', () => {
    expect(clock(3_723_000)).toBe('1:02:03');
    expect(clock(65_400)).toBe('1:05');
    expect(megabytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });
});
