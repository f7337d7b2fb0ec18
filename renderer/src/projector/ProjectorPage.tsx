// The projector's page (a window on the external display in Electron, a tab of its own in browser
// mode): large, high-contrast, scaled to the display. It never asks the core for anything; it
// shows the snapshots the secretary's page sends (link.ts), which hold only what was chosen.
import { useEffect, useState } from 'react';
import { formatCountdown, remainingMs, timerPhase, type ProjectorSnapshot, type TimerState } from '../../../electron/shared/timer';
import { listen } from './link';
import './projector.css';

export function ProjectorPage({ meetingId }: { meetingId: number }) {
  const [snap, setSnap] = useState<ProjectorSnapshot | null>(null);
  useEffect(() => listen(meetingId, setSnap), [meetingId]);
  useEffect(() => {
    document.title = 'Màn chiếu – Thư ký Hội nghị';
  }, []);

  if (!snap)
    return (
      <div className="projector waiting" data-testid="projector-waiting">
        <p>Màn chiếu đang chờ màn hình của thư ký.</p>
        <p className="small">Hãy mở bước "2. Trực tiếp" của hội nghị trên máy thư ký.</p>
      </div>
    );
  if (!snap.visible) return <div className="projector blank" data-testid="projector-blank" data-seq={snap.seq} aria-label="Màn chiếu đang ẩn" />;
  return (
    <div className={`projector scene-${snap.scene}`} data-testid="projector" data-scene={snap.scene} data-seq={snap.seq}>
      {snap.scene === 'welcome' ? (
        <div className="pj-welcome">
          <p className="pj-greeting">{snap.welcome[0]}</p>
          <h1 className="pj-title" data-testid="projector-title">
            {snap.title}
          </h1>
          {snap.welcome.slice(1).map((line) => (
            <p key={line} className="pj-line">
              {line}
            </p>
          ))}
        </div>
      ) : null}
      {snap.scene === 'agenda' ? (
        <div className="pj-agenda-scene">
          <p className="pj-top" data-testid="projector-title">
            {snap.title}
          </p>
          <h1 className="pj-agenda" data-testid="projector-agenda">
            {snap.agenda}
          </h1>
          {snap.timer ? <Countdown timer={snap.timer} /> : null}
        </div>
      ) : null}
      {snap.scene === 'speaker' ? (
        <div className="pj-speaker-scene">
          <p className="pj-top" data-testid="projector-agenda">
            {snap.agenda}
          </p>
          <div className="pj-who">
            {snap.speaker ? (
              <>
                <h1 className="pj-name" data-testid="projector-speaker">
                  {snap.speaker.name}
                </h1>
                {snap.speaker.detail ? (
                  <p className="pj-detail" data-testid="projector-detail">
                    {snap.speaker.detail}
                  </p>
                ) : null}
              </>
            ) : (
              <h1 className="pj-name pj-none">{snap.title}</h1>
            )}
            {snap.request ? (
              <p className="pj-request" data-testid="projector-request">
                {snap.request}
              </p>
            ) : null}
          </div>
          {snap.timer ? <Countdown timer={snap.timer} /> : null}
        </div>
      ) : null}
      {snap.scene === 'message' ? (
        <div className="pj-message-scene">
          <p className="pj-message" data-testid="projector-message">
            {snap.message || snap.title}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** Counts down on this page's own clock (the same machine's as the secretary's page). */
function Countdown({ timer }: { timer: TimerState }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (timer.status !== 'running') return;
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, [timer]);
  const phase = timerPhase(timer, now);
  return (
    <div className={`pj-countdown ${phase}`} data-testid="projector-countdown" data-phase={phase} data-status={timer.status} role="timer">
      {formatCountdown(remainingMs(timer, now))}
    </div>
  );
}
