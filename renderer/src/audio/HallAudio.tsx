// The hall's sound on the meeting screen: the recording indicator and its button, the player that
// "Nghe lại" uses, and the shared state (parts, speech stretches, each entry's moment) that the
// timeline's buttons, the speech strip and the documents screen read. Mounted once per meeting,
// above the tabs, so switching tabs never stops the recording.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { replayFrom, type AudioMark, type AudioMarkKind, type AudioState } from '../../../electron/shared/audio';
import { rawApi } from '../lib/api';
import { HallRecorder, type RecorderStatus } from './recorder';
import { clock, matchAudioKey, selectedEntry, stepSpeech } from './keys';
import { StoragePanel } from './StoragePanel';
import './audio.css';

type Position = { part: number; ms: number };

export type HallAudioValue = {
  meetingId: number;
  state: AudioState | null;
  rec: RecorderStatus;
  mark: (kind: AudioMarkKind, id: number) => AudioMark | undefined;
  /** Plays from a moment of a part. */
  playAt: (part: number, ms: number) => Promise<void>;
  /** Plays an entry's moment, from a few seconds before. */
  replay: (kind: AudioMarkKind, id: number) => Promise<void>;
  position: Position | null;
  playing: boolean;
  refresh: () => Promise<void>;
};

const Ctx = createContext<HallAudioValue | null>(null);

export function useHallAudio(): HallAudioValue | null {
  return useContext(Ctx);
}

const IDLE: RecorderStatus = { state: 'idle', part: null, startedAt: null, unsaved: 0, message: '' };
const ANALYSE_EVERY_MS = 8_000;

type Props = { meetingId: number; status: 'draft' | 'live' | 'closed'; locked: boolean; children: ReactNode };

export function HallAudio({ meetingId, status, locked, children }: Props) {
  const [state, setState] = useState<AudioState | null>(null);
  const [rec, setRec] = useState<RecorderStatus>(IDLE);
  const [error, setError] = useState<string | null>(null);
  const [position, setPosition] = useState<Position | null>(null);
  const [playing, setPlaying] = useState(false);
  const [storageOpen, setStorageOpen] = useState(false);
  const recorder = useRef<HallRecorder | null>(null);
  const audioEl = useRef<HTMLAudioElement>(null);
  const loaded = useRef<{ part: number; bytes: number; url: string } | null>(null);
  const stateRef = useRef<AudioState | null>(null);
  stateRef.current = state;

  const refresh = useCallback(async () => {
    const r = await rawApi.call('audio.state', { meetingId });
    if (r.ok) setState(r.value);
  }, [meetingId]);

  // One recorder per meeting screen; leaving the screen releases the microphone (the part stays
  // open, and coming back to a live meeting goes on as a new part).
  useEffect(() => {
    const r = new HallRecorder(meetingId);
    recorder.current = r;
    const off = r.subscribe(setRec);
    return () => {
      off();
      r.dispose();
      recorder.current = null;
    };
  }, [meetingId]);

  // Resume after a reload or a crash: the last part was never stopped and the meeting is live.
  const resumed = useRef(false);
  useEffect(() => {
    void (async () => {
      const r = await rawApi.call('audio.state', { meetingId });
      if (!r.ok) return setError(r.error.message);
      setState(r.value);
      const last = r.value.parts.at(-1);
      if (!resumed.current && status === 'live' && !locked && last && last.stoppedAt === null) {
        resumed.current = true;
        void recorder.current?.start();
      }
    })();
  }, [meetingId, status, locked]);

  // The meeting ended: the recording ends with it.
  useEffect(() => {
    if (status !== 'live' && recorder.current && recorder.current.current.state !== 'idle') void recorder.current.stop().then(refresh);
  }, [status, refresh]);

  // While recording: speech detection and the moments of new entries, every few seconds.
  useEffect(() => {
    if (rec.state !== 'recording') return;
    const t = setInterval(() => {
      void rawApi.call('audio.analyse', { meetingId }).then(refresh);
    }, ANALYSE_EVERY_MS);
    return () => clearInterval(t);
  }, [rec.state, meetingId, refresh]);

  const toggle = useCallback(async () => {
    const r = recorder.current;
    if (!r) return;
    setError(null);
    if (r.current.state === 'idle' || r.current.state === 'error') {
      if (status !== 'live') return setError('Chỉ ghi âm khi hội nghị đang diễn ra. Hãy bấm "Bắt đầu hội nghị" trước (Alt+S).');
      if (locked) return setError('Biên bản đã chốt nên không ghi âm thêm được.');
      await r.start();
    } else {
      await r.stop();
      await rawApi.call('audio.analyse', { meetingId });
    }
    await refresh();
  }, [status, locked, meetingId, refresh]);

  const playAt = useCallback(
    async (part: number, ms: number) => {
      const el = audioEl.current;
      if (!el) return;
      setError(null);
      // A part still being recorded has grown since it was loaded: load it afresh.
      const bytes = stateRef.current?.parts.find((p) => p.part === part)?.bytes ?? -1;
      if (!loaded.current || loaded.current.part !== part || loaded.current.bytes !== bytes) {
        const r = await rawApi.call('audio.read', { meetingId, part });
        if (!r.ok) return setError(r.error.message);
        const bin = Uint8Array.from(atob(r.value.dataBase64), (c) => c.charCodeAt(0));
        if (loaded.current) URL.revokeObjectURL(loaded.current.url);
        const url = URL.createObjectURL(new Blob([bin], { type: r.value.mime }));
        loaded.current = { part, bytes, url };
        el.dataset.part = String(part);
        el.src = url;
        await new Promise<void>((resolve) => {
          if (el.readyState >= 1) return resolve();
          el.addEventListener('loadedmetadata', () => resolve(), { once: true });
          el.addEventListener('error', () => resolve(), { once: true });
        });
      }
      el.currentTime = ms / 1000;
      setPosition({ part, ms });
      try {
        await el.play();
      } catch {
        // Autoplay refused (no click yet): the position is set, the ▶ button plays it.
      }
    },
    [meetingId],
  );

  const mark = useCallback((kind: AudioMarkKind, id: number) => state?.marks.find((m) => m.kind === kind && m.id === id), [state]);

  const replay = useCallback(
    async (kind: AudioMarkKind, id: number) => {
      let m = stateRef.current?.marks.find((x) => x.kind === kind && x.id === id);
      if (!m) {
        await refresh();
        m = stateRef.current?.marks.find((x) => x.kind === kind && x.id === id);
      }
      if (!m) return setError('Mục này được ghi khi không ghi âm, nên không có đoạn để nghe lại.');
      await playAt(m.part, replayFrom(m.offsetMs));
    },
    [playAt, refresh],
  );

  // Keys: Alt+R record, Alt+V replay the selected entry, F9 play/pause, Alt+, / Alt+. speakers.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchAudioKey(e);
      if (!id) return;
      e.preventDefault();
      const el = audioEl.current;
      if (id === 'record') void toggle();
      else if (id === 'replay') {
        const s = selectedEntry();
        if (s) void replay(s.kind, s.id);
      } else if (id === 'playPause' && el) {
        if (el.paused) void el.play().catch(() => undefined);
        else el.pause();
      } else if (id === 'prevSpeech' || id === 'nextSpeech') {
        const speech = stateRef.current?.speech ?? [];
        const here = position ?? { part: speech[0]?.part ?? 1, ms: -1_000 };
        const at = el && position ? { part: position.part, ms: el.currentTime * 1000 } : here;
        const s = stepSpeech(speech, at, id === 'nextSpeech' ? 1 : -1);
        if (s) void playAt(s.part, s.startMs);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, replay, playAt, position]);

  useEffect(
    () => () => {
      if (loaded.current) URL.revokeObjectURL(loaded.current.url);
    },
    [],
  );

  const value = useMemo<HallAudioValue>(
    () => ({ meetingId, state, rec, mark, playAt, replay, position, playing, refresh }),
    [meetingId, state, rec, mark, playAt, replay, position, playing, refresh],
  );

  const recording = rec.state === 'recording' || rec.state === 'starting' || rec.state === 'stopping';
  const hasAudio = (state?.parts.length ?? 0) > 0;
  const show = status === 'live' || hasAudio || state?.trashed;

  return (
    <Ctx.Provider value={value}>
      {show ? (
        <div className={`hall-audio${recording ? ' is-recording' : ''}`} role="region" aria-label="Ghi âm hội trường" data-testid="hall-audio">
          <button
            type="button"
            className={recording ? 'rec-btn on' : 'rec-btn'}
            onClick={() => void toggle()}
            disabled={rec.state === 'starting' || rec.state === 'stopping' || (!recording && (status !== 'live' || locked))}
            data-testid="audio-toggle"
            title={status === 'live' ? 'Ghi âm hội trường (Alt+R)' : 'Chỉ ghi âm khi hội nghị đang diễn ra'}
          >
            {recording ? '■ Dừng ghi âm' : '● Ghi âm'} <kbd>Alt+R</kbd>
          </button>
          {recording ? (
            <span className="rec-indicator" role="status" data-testid="audio-indicator" data-part={rec.part ?? ''}>
              <span className="rec-dot" aria-hidden="true" /> Đang ghi âm{rec.part ? ` · phần ${rec.part}` : ''}
              {rec.startedAt ? <RecElapsed since={rec.startedAt} /> : null}
              {rec.unsaved > 1 ? <span className="rec-unsaved"> · chưa lưu {rec.unsaved} giây</span> : null}
            </span>
          ) : (
            <span className="muted small">{hasAudio ? `Đã ghi ${state!.parts.length} phần` : 'Chưa ghi âm'}</span>
          )}
          <audio
            ref={audioEl}
            controls
            className="audio-player"
            data-testid="audio-player"
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onTimeUpdate={(e) => {
              const part = Number(e.currentTarget.dataset.part);
              if (part) setPosition({ part, ms: e.currentTarget.currentTime * 1000 });
            }}
          />
          {position ? (
            <span className="muted small" data-testid="audio-position">
              Phần {position.part} · {clock(position.ms)}
            </span>
          ) : null}
          <span className="bar-spacer" />
          <button type="button" className="link small" onClick={() => setStorageOpen((o) => !o)} aria-expanded={storageOpen} data-testid="audio-storage-open">
            Dung lượng, xóa, chép thành chữ
          </button>
          {rec.message || error ? (
            <div className="banner warn small audio-msg" role="alert" data-testid="audio-message">
              {error ?? rec.message}
            </div>
          ) : null}
          {storageOpen ? <StoragePanel meetingId={meetingId} state={state} refresh={refresh} recording={recording} /> : null}
        </div>
      ) : null}
      {children}
    </Ctx.Provider>
  );
}

function RecElapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, []);
  return <span className="rec-time"> · {clock(now - since)}</span>;
}
