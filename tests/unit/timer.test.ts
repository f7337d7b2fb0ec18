// The speaking timer's state machine, the rule and its overrides, the projector's keys (with the
// input-method guard), the snapshot that carries only what was chosen, and the privacy filter.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMER_RULE,
  clock,
  crossedZero,
  elapsedMs,
  formatCountdown,
  idleTimer,
  isProjectorMessage,
  limitFor,
  matchProjectorKey,
  nextScene,
  pauseTimer,
  projectorSnapshot,
  publicText,
  remainingMs,
  resetTimer,
  shortLine,
  speakingStats,
  spokenLabel,
  spokenSeconds,
  startTimer,
  timerPhase,
  toggleTimer,
  withLimit,
  type KeyFacts,
  type ProjectorInput,
} from '../../electron/shared/timer';

const T0 = 1_700_000_000_000;

describe('timer state machine', () => {
  it('starts idle with the whole limit, counts down while running, and stops counting when paused', () => {
    let s = idleTimer(180_000);
    expect(s.status).toBe('idle');
    expect(remainingMs(s, T0 + 50_000)).toBe(180_000);
    s = startTimer(s, T0);
    expect(s.status).toBe('running');
    expect(remainingMs(s, T0 + 10_000)).toBe(170_000);
    s = pauseTimer(s, T0 + 10_000);
    expect(s.status).toBe('paused');
    expect(elapsedMs(s, T0 + 99_000)).toBe(10_000);
  });

  it('resumes from where it paused, over several pauses', () => {
    let s = startTimer(idleTimer(60_000), T0);
    s = pauseTimer(s, T0 + 5_000);
    s = startTimer(s, T0 + 20_000);
    s = pauseTimer(s, T0 + 27_000);
    s = toggleTimer(s, T0 + 40_000);
    expect(s.status).toBe('running');
    expect(elapsedMs(s, T0 + 41_000)).toBe(13_000);
    expect(spokenSeconds(s, T0 + 41_400)).toBe(13);
  });

  it('start on a running timer and pause on a stopped one change nothing', () => {
    const running = startTimer(idleTimer(60_000), T0);
    expect(startTimer(running, T0 + 9_000)).toBe(running);
    const idle = idleTimer(60_000);
    expect(pauseTimer(idle, T0)).toBe(idle);
  });

  it('toggle starts, pauses and resumes', () => {
    let s = toggleTimer(idleTimer(60_000), T0);
    expect(s.status).toBe('running');
    s = toggleTimer(s, T0 + 1_000);
    expect(s).toMatchObject({ status: 'paused', accumulatedMs: 1_000 });
  });

  it('reset goes back to the full limit, stopped, from any state', () => {
    const s = pauseTimer(startTimer(idleTimer(60_000), T0), T0 + 30_000);
    const r = resetTimer(s);
    expect(r).toEqual({ status: 'idle', limitMs: 60_000, accumulatedMs: 0, startedAt: null });
    expect(resetTimer(startTimer(idleTimer(60_000), T0)).status).toBe('idle');
  });

  it('turns red in the last 30 seconds and counts the overrun up', () => {
    const s = startTimer(idleTimer(180_000), T0);
    expect(timerPhase(s, T0 + 149_999)).toBe('normal');
    expect(timerPhase(s, T0 + 150_000)).toBe('warning');
    expect(timerPhase(s, T0 + 179_999)).toBe('warning');
    expect(timerPhase(s, T0 + 180_000)).toBe('over');
    expect(remainingMs(s, T0 + 185_000)).toBe(-5_000);
    expect(formatCountdown(remainingMs(s, T0))).toBe('3:00');
    expect(formatCountdown(remainingMs(s, T0 + 150_500))).toBe('0:30');
    expect(formatCountdown(remainingMs(s, T0 + 179_900))).toBe('0:01');
    expect(formatCountdown(remainingMs(s, T0 + 180_000))).toBe('0:00');
    expect(formatCountdown(remainingMs(s, T0 + 185_000))).toBe('+0:05');
  });

  it('beeps once, at the moment the time runs out', () => {
    const s = startTimer(idleTimer(10_000), T0);
    expect(crossedZero(s, T0 + 9_000, T0 + 9_900)).toBe(false);
    expect(crossedZero(s, T0 + 9_900, T0 + 10_100)).toBe(true);
    expect(crossedZero(s, T0 + 10_100, T0 + 10_400)).toBe(false);
    expect(crossedZero(pauseTimer(s, T0 + 5_000), T0 + 9_900, T0 + 10_100)).toBe(false);
  });

  it('a new limit keeps what was already spoken', () => {
    const s = withLimit(pauseTimer(startTimer(idleTimer(180_000), T0), T0 + 60_000), 300_000);
    expect(remainingMs(s, T0)).toBe(240_000);
  });

  it('an idle timer carrying a stored time is paused at that time', () => {
    expect(idleTimer(60_000, 12_000)).toMatchObject({ status: 'paused', accumulatedMs: 12_000 });
  });

  it('formats clocks and spoken times', () => {
    expect(clock(65)).toBe('1:05');
    expect(clock(3_725)).toBe('1:02:05');
    expect(spokenLabel(185)).toBe('3 phút 05 giây');
    expect(spokenLabel(120)).toBe('2 phút');
    expect(spokenLabel(45)).toBe('45 giây');
    expect(spokenLabel(3_725)).toBe('1 giờ 02 phút');
  });
});

describe('the rule and per-speaker overrides', () => {
  const rule = DEFAULT_TIMER_RULE;
  it('defaults: a delegate 3 minutes, a leader replying 5 minutes, no beep, not in the minutes', () => {
    expect(rule).toEqual({ delegateSeconds: 180, leaderSeconds: 300, beep: false, inMinutes: false });
    expect(limitFor(rule, [], { entity: 'recommendation', attendeeId: 4, speakerText: '' })).toBe(180);
    expect(limitFor(rule, [], { entity: 'reply', attendeeId: 4, speakerText: '' })).toBe(300);
    expect(limitFor(rule, [], { entity: 'speech', attendeeId: null, speakerText: '', speechKind: 'remarks' })).toBe(180);
    expect(limitFor(rule, [], { entity: 'speech', attendeeId: null, speakerText: '', speechKind: 'report' })).toBe(300);
  });

  it('a speaker on the roster keeps their own limit whatever they speak', () => {
    const overrides = [{ attendeeId: 7, speakerText: '', seconds: 600 }];
    expect(limitFor(rule, overrides, { entity: 'recommendation', attendeeId: 7, speakerText: '' })).toBe(600);
    expect(limitFor(rule, overrides, { entity: 'reply', attendeeId: 7, speakerText: '' })).toBe(600);
    expect(limitFor(rule, overrides, { entity: 'recommendation', attendeeId: 8, speakerText: '' })).toBe(180);
  });

  it('a speaker off the roster is matched by name, whatever the case and spacing', () => {
    const overrides = [{ attendeeId: null, speakerText: 'Phòng Tài nguyên  và Môi trường', seconds: 420 }];
    expect(limitFor(rule, overrides, { entity: 'reply', attendeeId: null, speakerText: 'phòng tài nguyên và môi trường ' })).toBe(420);
    expect(limitFor(rule, overrides, { entity: 'reply', attendeeId: null, speakerText: '' })).toBe(300);
    // A roster speaker never takes a free-text override.
    expect(limitFor(rule, overrides, { entity: 'reply', attendeeId: 3, speakerText: 'Phòng Tài nguyên và Môi trường' })).toBe(300);
  });

  it('the statistic counts speakers with time, the total, the longest and the overruns', () => {
    const st = speakingStats([
      { entity: 'recommendation', entityId: 1, seconds: 170, limitSeconds: 180 },
      { entity: 'reply', entityId: 2, seconds: 340, limitSeconds: 300 },
      { entity: 'speech', entityId: 3, seconds: 0, limitSeconds: 300 },
    ]);
    expect(st).toEqual({ speakers: 2, totalSeconds: 510, longest: { entity: 'reply', entityId: 2, seconds: 340, limitSeconds: 300 }, overLimit: 1 });
    expect(speakingStats([])).toEqual({ speakers: 0, totalSeconds: 0, longest: null, overLimit: 0 });
  });
});

const key = (over: Partial<KeyFacts>): KeyFacts => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false, keyCode: 0, ...over });

describe('projector keys', () => {
  it('maps the five keys', () => {
    expect(matchProjectorKey(key({ key: 'h', code: 'KeyH', altKey: true }))).toBe('toggleShow');
    expect(matchProjectorKey(key({ key: 'c', code: 'KeyC', altKey: true }))).toBe('cycleScene');
    expect(matchProjectorKey(key({ key: 'g', code: 'KeyG', altKey: true }))).toBe('nextSpeaker');
    expect(matchProjectorKey(key({ key: 'F8', code: 'F8' }))).toBe('timerToggle');
    expect(matchProjectorKey(key({ key: 'F8', code: 'F8', shiftKey: true }))).toBe('timerReset');
  });

  it('never fires while an input method composes (isComposing, or keyCode 229 from Unikey-style IMEs)', () => {
    expect(matchProjectorKey(key({ key: 'F8', code: 'F8', isComposing: true }))).toBeNull();
    expect(matchProjectorKey(key({ key: 'Process', code: 'KeyH', altKey: true, keyCode: 229 }))).toBeNull();
    expect(matchProjectorKey(key({ key: 'F8', code: 'F8', keyCode: 229 }))).toBeNull();
  });

  it('leaves plain letters, Ctrl and AltGr combinations, and the live screen keys alone', () => {
    expect(matchProjectorKey(key({ key: 'h', code: 'KeyH' }))).toBeNull();
    expect(matchProjectorKey(key({ key: 'c', code: 'KeyC', ctrlKey: true }))).toBeNull();
    expect(matchProjectorKey(key({ key: 'c', code: 'KeyC', ctrlKey: true, altKey: true }))).toBeNull();
    expect(matchProjectorKey(key({ key: 'H', code: 'KeyH', altKey: true, shiftKey: true }))).toBeNull();
    // The live screen's keys, Chromium's and Windows' own, and the hall sound's (Alt+R/V/,/.).
    for (const code of ['KeyN', 'KeyT', 'KeyB', 'KeyK', 'KeyP', 'KeyL', 'KeyM', 'KeyS', 'KeyX', 'KeyD', 'KeyE', 'KeyF', 'Digit1', 'KeyR', 'KeyV', 'Comma', 'Period'])
      expect(matchProjectorKey(key({ code, altKey: true })), code).toBeNull();
    expect(matchProjectorKey(key({ key: 'F8', code: 'F8', ctrlKey: true }))).toBeNull();
    for (const k of ['F1', 'F2', 'F3', 'F9']) expect(matchProjectorKey(key({ key: k, code: k })), k).toBeNull();
  });

  it('steps through the scenes and comes back', () => {
    expect([nextScene('welcome'), nextScene('agenda'), nextScene('speaker'), nextScene('message')]).toEqual(['agenda', 'speaker', 'message', 'welcome']);
  });
});

describe('the projector snapshot carries only what was chosen', () => {
  const input: ProjectorInput = {
    meetingId: 1,
    seq: 3,
    sentAt: T0,
    visible: true,
    scene: 'welcome',
    title: 'Hội nghị đối thoại với Nhân dân',
    date: '2025-11-30',
    location: 'Hội trường UBND xã',
    agenda: 'Đại biểu phát biểu ý kiến, kiến nghị',
    speaker: { name: 'Nguyễn Văn An', detail: 'Tổ dân phố số 5' },
    request: 'Sửa đường ngõ xóm',
    message: 'Mời đại biểu giữ trật tự',
    timer: idleTimer(180_000),
  };

  it('welcome: title, greeting, date and place; no person, no timer', () => {
    const s = projectorSnapshot(input);
    expect(s.welcome).toEqual(['Chào mừng các đại biểu về dự', 'Ngày 30/11/2025', 'Hội trường UBND xã']);
    expect(s.speaker).toBeNull();
    expect(s.request).toBeNull();
    expect(s.message).toBe('');
    expect(s.timer).toBeNull();
    expect(JSON.stringify(s)).not.toContain('Nguyễn Văn An');
  });

  it('agenda: the item and the countdown, still no person', () => {
    const s = projectorSnapshot({ ...input, scene: 'agenda' });
    expect(s.agenda).toBe(input.agenda);
    expect(s.timer).toEqual(input.timer);
    expect(JSON.stringify(s)).not.toContain('Nguyễn Văn An');
    expect(JSON.stringify(s)).not.toContain('Sửa đường');
  });

  it('speaker: the person and the kiến nghị, once chosen', () => {
    const s = projectorSnapshot({ ...input, scene: 'speaker' });
    expect(s.speaker).toEqual(input.speaker);
    expect(s.request).toBe('Sửa đường ngõ xóm');
    expect(s.message).toBe('');
  });

  it('message: only the message', () => {
    const s = projectorSnapshot({ ...input, scene: 'message' });
    expect(s.message).toBe('Mời đại biểu giữ trật tự');
    expect(s.speaker).toBeNull();
    expect(s.timer).toBeNull();
  });

  it('is recognised as a message, and junk is not', () => {
    expect(isProjectorMessage({ type: 'snapshot', snapshot: projectorSnapshot(input) })).toBe(true);
    expect(isProjectorMessage({ type: 'hello' })).toBe(true);
    expect(isProjectorMessage({ type: 'snapshot', snapshot: { v: 2 } })).toBe(false);
    expect(isProjectorMessage('hello')).toBe(false);
  });
});

describe('publicText keeps phone numbers and addresses off the wall', () => {
  it.each([
    ['Ông An (SĐT 0912 345 678) đề nghị sửa đường', 'Ông An đề nghị sửa đường'],
    ['Đề nghị sửa đường, điện thoại: 0912.345.678', 'Đề nghị sửa đường'],
    ['Liên hệ +84 912 345 678 để trao đổi', 'Liên hệ để trao đổi'],
    ['Bà Hoa, địa chỉ số 12 ngõ 34 phố Hoàng Quốc Việt, phản ánh ngập úng', 'Bà Hoa, phản ánh ngập úng'],
    ['Ông Bình, trú tại thôn Đông, hỏi về đất', 'Ông Bình, hỏi về đất'],
    ['Nhà ở ngõ 5 Xuân Đỉnh, ngập khi mưa', 'Nhà ở, ngập khi mưa'],
    ['Gửi thư tới an.nguyen@example.vn', 'Gửi thư tới'],
    ['Ông An (SĐT 0912 345 678, địa chỉ số 12 ngõ 34 phố Hoàng Quốc Việt, thư an.nguyen@example.vn) đề nghị sửa đường.', 'Ông An đề nghị sửa đường.'],
    ['Liên hệ email: an@example.vn.', 'Liên hệ.'],
  ])('%s', (raw, clean) => {
    expect(publicText(raw)).toBe(clean);
  });

  it('leaves amounts, dates, years and ordinary words alone', () => {
    for (const s of ['Hỗ trợ 15.000.000.000 đồng năm 2025', 'Ngày 18/10/2019, lúc 14:30', 'Sóng điện thoại yếu ở thôn 3', 'Tổ dân phố số 5', '0,5 ha đất nông nghiệp'])
      expect(publicText(s)).toBe(s);
  });

  it('shortLine keeps the first sentence and cuts long ones at a word', () => {
    expect(shortLine('Sửa đường. Lắp đèn.')).toBe('Sửa đường.');
    const long = shortLine('a '.repeat(200), 40);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(long.endsWith('…')).toBe(true);
  });
});
