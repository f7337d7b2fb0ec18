// Vietnamese speech with known silences, synthesised by espeak-ng (apt package espeak-ng) into the
// test's own folder. Each phrase is cut to its audible span, so where speech starts and ends in
// the result is known to the sample: the truth the voice detector is checked against.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type SpeechPlan = ({ silenceMs: number } | { say: string })[];
export type SpeechWav = { file: string; rate: number; samples: Int16Array; stretches: { startMs: number; endMs: number }[]; durationMs: number };

/** Reads a 16-bit PCM mono WAV (what espeak-ng writes). */
export function readWav(file: string): { rate: number; samples: Int16Array } {
  const b = readFileSync(file);
  let off = 12;
  let rate = 0;
  while (off + 8 <= b.length) {
    const id = b.toString('ascii', off, off + 4);
    const size = b.readUInt32LE(off + 4);
    if (id === 'fmt ') rate = b.readUInt32LE(off + 12);
    if (id === 'data') {
      // espeak-ng writing to a file leaves the data size as 0x7fffffff: take what is there.
      const end = Math.min(b.length, off + 8 + size);
      const data = b.subarray(off + 8, end - ((end - off - 8) % 2));
      const samples = new Int16Array(data.length / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2);
      return { rate, samples };
    }
    off += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${file}`);
}

export function wavBytes(samples: Int16Array, rate: number): Buffer {
  const b = Buffer.alloc(44 + samples.length * 2);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples.length * 2, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++) b.writeInt16LE(samples[i]!, 44 + i * 2);
  return b;
}

/** Linear resampling: plenty for speech detection and for a fake microphone. */
export function resample(src: Int16Array, from: number, to: number): Int16Array {
  if (from === to) return src;
  const n = Math.floor((src.length * to) / from);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const x = (i * from) / to;
    const j = Math.floor(x);
    const f = x - j;
    out[i] = Math.round((src[j] ?? 0) * (1 - f) + (src[j + 1] ?? src[j] ?? 0) * f);
  }
  return out;
}

/** The span of a phrase that is above the noise floor (espeak pads each phrase with quiet). */
function audible(s: Int16Array, threshold = 500): Int16Array {
  let a = 0;
  let b = s.length - 1;
  while (a < s.length && Math.abs(s[a]!) < threshold) a++;
  while (b > a && Math.abs(s[b]!) < threshold) b--;
  return s.subarray(a, b + 1);
}

export function synthesise(dir: string, plan: SpeechPlan, rate = 16_000, name = 'speech.wav'): SpeechWav {
  const parts: Int16Array[] = [];
  const stretches: { startMs: number; endMs: number }[] = [];
  let at = 0;
  plan.forEach((step, i) => {
    if ('silenceMs' in step) {
      const n = Math.round((step.silenceMs * rate) / 1000);
      parts.push(new Int16Array(n));
      at += n;
      return;
    }
    const raw = path.join(dir, `phrase-${i}.wav`);
    execFileSync('espeak-ng', ['-v', 'vi', '-s', '150', '-w', raw, step.say]);
    const w = readWav(raw);
    const s = audible(resample(w.samples, w.rate, rate));
    stretches.push({ startMs: (at * 1000) / rate, endMs: ((at + s.length) * 1000) / rate });
    parts.push(s);
    at += s.length;
  });
  const samples = new Int16Array(at);
  let o = 0;
  for (const p of parts) {
    samples.set(p, o);
    o += p.length;
  }
  const file = path.join(dir, name);
  writeFileSync(file, wavBytes(samples, rate));
  return { file, rate, samples, stretches, durationMs: (at * 1000) / rate };
}
