// Input schemas of the hall's sound channels (issue 16, part 3), kept out of contract.ts so the
// shared contract grows by a few lines only.
import { z } from 'zod';
import { AUDIO_LIMITS } from './audio';
import { id, text } from './schemas';

const meetingId = id('Hội nghị');
const part = z.number().int().min(1).max(100_000);
const ms = z.number().int().min(0).max(7 * 24 * 3600 * 1000);
const b64 = (bytes: number, what: string) =>
  z.string().max(Math.ceil((bytes * 4) / 3) + 4, { error: `${what} quá lớn (tối đa ${Math.round(bytes / 1024)} KB một lần). Ứng dụng sẽ gửi lại thành đoạn nhỏ hơn.` }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: `${what} không hợp lệ.` });

export const AudioByMeeting = z.object({ meetingId });
export const AudioByPart = z.object({ meetingId, part });
export const AudioStartInput = z.object({
  meetingId,
  mime: z.string().max(100).regex(/^audio\/(webm|ogg)(;\s*codecs=[a-z0-9.]+)?$/i, { error: 'Định dạng ghi âm này không được hỗ trợ. Hãy ghi âm bằng ứng dụng này trên máy tính.' }),
  startedAt: z.iso.datetime({ offset: true, error: 'Thời điểm bắt đầu ghi âm không hợp lệ.' }),
});
export const AudioAppendInput = z.object({
  meetingId,
  part,
  seq: z.number().int().min(0).max(10_000_000),
  /** Milliseconds from the part's start to the end of this chunk, by the page's clock. */
  endMs: ms,
  data: b64(AUDIO_LIMITS.chunkBytes, 'Đoạn ghi âm'),
  pcm: b64(AUDIO_LIMITS.pcmBytes, 'Mẫu âm thanh cho nhận diện giọng nói'),
});
export const AudioTranscribeInput = z.object({ meetingId, part, startMs: ms, endMs: ms });
export const AudioModelInput = z.object({ dir: text('Thư mục mô hình', 1_000) });
export const AudioJobInput = z.object({ jobId: z.number().int().min(1) });
