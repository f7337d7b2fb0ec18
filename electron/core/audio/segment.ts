// Turns the voice detector's per-frame speech probabilities into stretches of speech. Pure, so
// the rules (hysteresis, the silence that ends a stretch, the shortest stretch kept, what is still
// open at the end of the audio received so far) are unit-tested without a model.

export type SegmentOptions = {
  /** Length of one detector frame (Silero v5: 512 samples at 16 kHz = 32 ms). */
  frameMs: number;
  /** A stretch starts at a frame at or above this probability… */
  positive: number;
  /** …and goes on while frames stay at or above this one (hysteresis, as Silero's authors advise). */
  negative: number;
  /** This much quiet ends a stretch; shorter pauses (breaths, between words) do not. */
  minSilenceMs: number;
  /** Shorter bursts (a cough, a chair) are not speech. */
  minSpeechMs: number;
};

export const DEFAULT_SEGMENT: SegmentOptions = { frameMs: 32, positive: 0.5, negative: 0.35, minSilenceMs: 400, minSpeechMs: 250 };

export type Stretch = { startMs: number; endMs: number };

export type SegmentResult = {
  stretches: Stretch[];
  /**
   * Up to where the audio is settled: a later run starts here. When speech is still going on at
   * the end (and more audio may come), it is the start of that stretch, so it is measured whole.
   */
  doneMs: number;
};

/** `final`: no more audio will come for this part, so a stretch still open is closed at the end. */
export function speechStretches(probs: ArrayLike<number>, final: boolean, o: SegmentOptions = DEFAULT_SEGMENT): SegmentResult {
  const stretches: Stretch[] = [];
  let start = -1;
  let lastSpeech = -1;
  const silenceFrames = Math.ceil(o.minSilenceMs / o.frameMs);
  const close = (): void => {
    const s = { startMs: start * o.frameMs, endMs: (lastSpeech + 1) * o.frameMs };
    if (s.endMs - s.startMs >= o.minSpeechMs) stretches.push(s);
    start = -1;
  };
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]!;
    if (start < 0) {
      if (p >= o.positive) {
        start = i;
        lastSpeech = i;
      }
    } else if (p >= o.negative) {
      lastSpeech = i;
    } else if (i - lastSpeech >= silenceFrames) {
      close();
    }
  }
  const totalMs = probs.length * o.frameMs;
  if (start >= 0) {
    if (final) {
      close();
      return { stretches, doneMs: totalMs };
    }
    return { stretches, doneMs: start * o.frameMs };
  }
  return { stretches, doneMs: totalMs };
}
