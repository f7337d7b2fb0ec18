// A short beep made on the spot with WebAudio (nothing downloaded, no sound file shipped). Off by
// default; the secretary turns it on in the timer settings.
let ctx: AudioContext | null = null;

export function beep(durationMs = 350, frequency = 880): void {
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const t = ctx.currentTime;
    // A soft start and end, so it does not click through the hall's speakers.
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + durationMs / 1000);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + durationMs / 1000 + 0.05);
  } catch {
    // No audio device: the red countdown still says it.
  }
}
