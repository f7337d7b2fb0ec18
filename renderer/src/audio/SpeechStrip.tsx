// The strip under the timeline: each part of the recording as a bar, the stretches of speech the
// voice detector found on it, and the moments of the entries. Click a stretch to hear it; Alt+,
// and Alt+. jump to the speaker before or after. A chosen stretch can be turned into text when a
// speech model is set up.
import { useEffect, useRef, useState } from 'react';
import type { SpeechStretch, TranscribeJob } from '../../../electron/shared/audio';
import { rawApi } from '../lib/api';
import { useHallAudio } from './HallAudio';
import { clock } from './keys';

export function SpeechStrip() {
  const audio = useHallAudio();
  const [chosen, setChosen] = useState<SpeechStretch | null>(null);
  const [job, setJob] = useState<TranscribeJob | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => {
    if (poll.current) clearInterval(poll.current);
  }, []);
  if (!audio?.state || audio.state.parts.length === 0) return null;
  const { parts, speech, marks } = audio.state;
  const pos = audio.position;

  const transcribe = async (s: SpeechStretch) => {
    setMessage(null);
    const r = await rawApi.call('audio.transcribe', { meetingId: audio.meetingId, part: s.part, startMs: s.startMs, endMs: s.endMs });
    if (!r.ok) return setMessage(r.error.message);
    setJob(r.value);
    if (poll.current) clearInterval(poll.current);
    poll.current = setInterval(() => {
      void rawApi.call('audio.job', { jobId: r.value.jobId }).then((j) => {
        if (!j.ok) return;
        setJob(j.value);
        if (j.value.state !== 'running' && poll.current) clearInterval(poll.current);
      });
    }, 500);
  };

  return (
    <div className="speech-strip" data-testid="speech-strip" aria-label="Các đoạn có tiếng nói trong bản ghi âm">
      {parts.map((p) => {
        const dur = Math.max(p.durationMs, 1);
        const pct = (ms: number) => `${Math.min(100, (ms / dur) * 100)}%`;
        return (
          <div key={p.part} className="strip-part" data-part={p.part}>
            <span className="strip-label small muted">
              Phần {p.part} · {clock(p.durationMs)}
            </span>
            <div className="strip-bar" onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              void audio.playAt(p.part, Math.round(((e.clientX - r.left) / r.width) * dur));
            }}>
              {speech
                .filter((s) => s.part === p.part)
                .map((s) => (
                  <button
                    key={s.startMs}
                    type="button"
                    className={`strip-speech${chosen === s ? ' chosen' : ''}`}
                    style={{ left: pct(s.startMs), width: pct(s.endMs - s.startMs) }}
                    title={`Đoạn nói ${clock(s.startMs)}–${clock(s.endMs)}: bấm để nghe`}
                    data-testid="strip-speech"
                    data-start-ms={s.startMs}
                    data-end-ms={s.endMs}
                    onClick={(e) => {
                      e.stopPropagation();
                      setChosen(s);
                      void audio.playAt(s.part, s.startMs);
                    }}
                  />
                ))}
              {marks
                .filter((m) => m.part === p.part)
                .map((m) => (
                  <span key={`${m.kind}${m.id}`} className={`strip-mark strip-mark-${m.kind}`} style={{ left: pct(m.offsetMs) }} aria-hidden="true" />
                ))}
              {pos && pos.part === p.part ? <span className="strip-head" style={{ left: pct(pos.ms) }} aria-hidden="true" /> : null}
            </div>
          </div>
        );
      })}
      <div className="strip-tools small">
        <span className="muted">{speech.length ? `${speech.length} đoạn nói · Alt+, / Alt+. sang người nói trước / sau · F9 phát / dừng` : 'Chưa nhận ra đoạn nói nào (đang phân tích trong khi ghi).'}</span>
        {chosen ? (
          <>
            {' '}
            <span>
              Đoạn chọn: phần {chosen.part}, {clock(chosen.startMs)}–{clock(chosen.endMs)}
            </span>{' '}
            {job?.state === 'running' ? (
              <>
                <progress max={1} value={job.progress} data-testid="transcribe-progress" />{' '}
                <button type="button" className="link" onClick={() => void rawApi.call('audio.cancel', { jobId: job.jobId }).then((r) => r.ok && setJob(r.value))}>
                  Dừng
                </button>
              </>
            ) : (
              <button type="button" className="link" onClick={() => void transcribe(chosen)} data-testid="transcribe">
                Chép thành chữ
              </button>
            )}
          </>
        ) : null}
      </div>
      {message ? (
        <div className="banner warn small" role="status" data-testid="transcribe-message">
          {message}
        </div>
      ) : null}
      {job && job.state !== 'running' ? (
        <div className="transcript small" data-testid="transcript">
          <strong>{job.message}</strong> {job.text}
        </div>
      ) : null}
    </div>
  );
}
