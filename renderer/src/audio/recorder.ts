// Records the hall: Opus in WebM (or Ogg) from MediaRecorder in chunks of about a second, and
// beside it 16 kHz PCM tapped from the same microphone for voice detection. Every chunk goes to
// the core, which writes and syncs it before answering; chunks not yet answered wait here in
// order and are sent again until they are, so a core that stops and comes back loses nothing the
// page still holds. A refused chunk (gap, stopped or deleted part) ends this part and starts a
// new one, as a restart after a crash does.
import { AUDIO_LIMITS } from '../../../electron/shared/audio';
import { rawApi } from '../lib/api';
import { floatToPcm16, pickMime, toBase64 } from './pcm';

export type RecorderStatus = {
  state: 'idle' | 'starting' | 'recording' | 'stopping' | 'error';
  part: number | null;
  /** When this part began (ms, page clock). */
  startedAt: number | null;
  /** Seconds recorded but not yet stored by the core. */
  unsaved: number;
  message: string;
};

type Chunk = { seq: number; endMs: number; data: string; pcm: string };

// Half a second: a chunk buffered in the recorder plus one in flight stay under one second.
const TIMESLICE_MS = 500;

export class HallRecorder {
  private status: RecorderStatus = { state: 'idle', part: null, startedAt: null, unsaved: 0, message: '' };
  private listeners = new Set<(s: RecorderStatus) => void>();
  private stream: MediaStream | null = null;
  private media: MediaRecorder | null = null;
  private audioCtx: AudioContext | null = null;
  private pcm: Float32Array[] = [];
  private tapping = false;
  private queue: Chunk[] = [];
  private seq = 0;
  private sending = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  /** Chunks being read out of their Blob: the last one must be queued before the part is stopped. */
  private converting = new Set<Promise<void>>();

  constructor(private readonly meetingId: number) {}

  get current(): RecorderStatus {
    return this.status;
  }

  subscribe(fn: (s: RecorderStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<RecorderStatus>): void {
    this.status = { ...this.status, ...patch, unsaved: Math.ceil((this.queue.length * TIMESLICE_MS) / 1000) };
    for (const l of this.listeners) l(this.status);
  }

  async start(): Promise<void> {
    if (this.status.state === 'recording' || this.status.state === 'starting') return;
    const gen = ++this.generation;
    this.set({ state: 'starting', message: 'Đang mở micrô…' });
    const mime = typeof MediaRecorder === 'undefined' ? null : pickMime((m) => MediaRecorder.isTypeSupported(m));
    if (!mime) return this.set({ state: 'error', message: 'Trình duyệt này không ghi âm được. Hãy dùng ứng dụng trên máy tính.' });
    try {
      // Raw sound: the hall's voices, not a voice-call's processing that cuts quiet speakers.
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    } catch (e) {
      const denied = (e as DOMException).name === 'NotAllowedError';
      return this.set({
        state: 'error',
        message: denied
          ? 'Ứng dụng không được dùng micrô. Hãy cho phép dùng micrô rồi bấm "Ghi âm" lại.'
          : 'Không mở được micrô (chưa cắm, hoặc đang bị ứng dụng khác dùng). Hãy kiểm tra micrô rồi bấm "Ghi âm" lại.',
      });
    }
    if (gen !== this.generation) return this.release();
    this.startPcmTap(this.stream);
    const media = new MediaRecorder(this.stream, { mimeType: mime, audioBitsPerSecond: 32_000 });
    this.media = media;
    this.queue = [];
    this.seq = 0;
    this.pcm = [];
    const startedAt = Date.now();
    media.ondataavailable = (ev) => {
      const p = this.onData(ev.data, startedAt);
      this.converting.add(p);
      void p.finally(() => this.converting.delete(p));
    };
    media.start(TIMESLICE_MS);
    // PCM counts from the same instant as the compressed sound, so their times agree.
    this.tapping = true;
    this.set({ state: 'starting', startedAt, part: null, message: '' });
    const r = await rawApi.call('audio.start', { meetingId: this.meetingId, mime, startedAt: new Date(startedAt).toISOString() });
    if (gen !== this.generation) return;
    if (!r.ok) {
      this.teardown();
      return this.set({ state: 'error', part: null, message: `Chưa ghi âm được: ${r.error.message}` });
    }
    this.set({ state: 'recording', part: r.value.part, message: '' });
    void this.pump();
  }

  private startPcmTap(stream: MediaStream): void {
    try {
      const ctx = new AudioContext({ sampleRate: AUDIO_LIMITS.pcmRate });
      const source = ctx.createMediaStreamSource(stream);
      // ScriptProcessorNode needs no separate module file (the CSP allows scripts from the app only,
      // and the app:// scheme of the desktop build makes worklet modules awkward); 4096 samples at
      // 16 kHz is a callback every quarter second, nothing for the main thread.
      const tap = ctx.createScriptProcessor(4096, 1, 1);
      tap.onaudioprocess = (ev) => {
        if (this.tapping) this.pcm.push(new Float32Array(ev.inputBuffer.getChannelData(0)));
      };
      const mute = ctx.createGain();
      mute.gain.value = 0;
      source.connect(tap);
      tap.connect(mute);
      mute.connect(ctx.destination);
      this.audioCtx = ctx;
    } catch {
      // Without the tap the recording still works; only voice detection has nothing to read.
      this.audioCtx = null;
    }
  }

  private async onData(blob: Blob, startedAt: number): Promise<void> {
    const endMs = Date.now() - startedAt;
    const pcm = floatToPcm16(this.pcm.splice(0));
    const data = new Uint8Array(await blob.arrayBuffer());
    // A chunk of PCM over the limit (a page frozen for many seconds) is split across its own
    // calls would break the webm/PCM pairing; keep the newest 10 s, the detector loses the rest.
    const pcmBytes = pcm.length > AUDIO_LIMITS.pcmBytes ? pcm.subarray(pcm.length - AUDIO_LIMITS.pcmBytes) : pcm;
    this.queue.push({ seq: this.seq++, endMs, data: toBase64(data), pcm: toBase64(pcmBytes) });
    this.set({});
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.sending || this.status.part === null) return;
    this.sending = true;
    try {
      while (this.queue.length && this.status.part !== null) {
        const part = this.status.part;
        const c = this.queue[0]!;
        const r = await rawApi.call('audio.append', { meetingId: this.meetingId, part, seq: c.seq, endMs: c.endMs, data: c.data, pcm: c.pcm });
        if (r.ok) {
          this.queue.shift();
          this.set(this.status.message ? { message: '' } : {});
          continue;
        }
        if (['audio_gap', 'audio_stopped', 'not_found'].includes(r.error.code)) {
          if (this.status.state !== 'recording') {
            // Stopping anyway: nothing to go on with.
            this.queue = [];
            return;
          }
          // The core cannot continue this part: start afresh as a new one.
          this.queue = [];
          this.set({ message: r.error.message });
          this.teardown();
          this.status = { ...this.status, state: 'idle', part: null };
          void this.start();
          return;
        }
        // Core unreachable or busy: keep the chunks, try again shortly.
        this.set({ message: `Chưa lưu được ${Math.ceil((this.queue.length * TIMESLICE_MS) / 1000)} giây ghi âm gần nhất; ứng dụng đang thử lại. ${r.error.message}` });
        this.retryTimer = setTimeout(() => void this.pump(), 1_000);
        return;
      }
    } finally {
      this.sending = false;
    }
  }

  /** Stops recording: the last chunk is sent, then the part is marked stopped. */
  async stop(): Promise<void> {
    const media = this.media;
    const part = this.status.part;
    this.generation++;
    if (!media) return this.set({ state: 'idle', part: null, message: '' });
    this.set({ state: 'stopping' });
    await new Promise<void>((resolve) => {
      media.addEventListener('stop', () => setTimeout(resolve, 0), { once: true });
      media.stop();
    });
    await Promise.all([...this.converting]);
    this.teardown();
    // Let the last chunk go out; a core that stays away keeps it in the queue (shown as unsaved).
    for (let i = 0; i < 50 && this.queue.length; i++) {
      await this.pump();
      if (this.queue.length) await new Promise((r) => setTimeout(r, 100));
    }
    if (part !== null && !this.queue.length) await rawApi.call('audio.stop', { meetingId: this.meetingId, part });
    this.set({ state: 'idle', part: null, startedAt: null });
  }

  private teardown(): void {
    this.tapping = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.media && this.media.state !== 'inactive') this.media.stop();
    this.media = null;
    this.release();
  }

  private release(): void {
    for (const t of this.stream?.getTracks() ?? []) t.stop();
    this.stream = null;
    void this.audioCtx?.close().catch(() => undefined);
    this.audioCtx = null;
  }

  /** The page is going away (meeting closed, another screen): stop the devices, keep the part open. */
  dispose(): void {
    this.generation++;
    this.teardown();
    this.listeners.clear();
  }
}
