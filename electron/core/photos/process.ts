// Photos arrive from a phone or camera at 4000×3000 and 5–10 MB. They are checked by their bytes
// (never by their name), downscaled once for storage, and given a small thumbnail for the screen.
import sharp, { type Metadata } from 'sharp';
import { LIMITS } from '../../shared/limits';
import { UserError } from '../../shared/result';

export type ProcessedPhoto = { data: Buffer; thumb: Buffer; mime: 'image/jpeg'; width: number; height: number };

/** The formats a secretary's camera or phone produces, recognised by their first bytes. */
export function sniffImage(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 12 && Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP')
    return 'webp';
  return null;
}

export async function processPhoto(bytes: Buffer, fileName = ''): Promise<ProcessedPhoto> {
  const shown = displayName(fileName);
  if (bytes.length === 0) throw new UserError('photo_empty', `Tệp ${shown} trống, không có ảnh. Hãy chọn lại ảnh.`);
  if (bytes.length > LIMITS.photoBytes)
    throw new UserError('photo_too_large', `Ảnh ${shown} quá lớn (${(bytes.length / 1024 / 1024).toFixed(0)} MB, tối đa ${LIMITS.photoBytes / 1024 / 1024} MB). Hãy giảm cỡ ảnh rồi thêm lại.`);
  const sniffed = sniffImage(bytes);
  if (!sniffed)
    throw new UserError('photo_not_image', `Tệp ${shown} không phải ảnh JPEG, PNG hoặc WebP (dù tên tệp có thể là .jpg). Hãy chọn đúng tệp ảnh.`);
  const input = () => sharp(bytes, { limitInputPixels: LIMITS.photoPixels, failOn: 'error' });
  let meta: Metadata;
  try {
    // The header alone: no pixels are decoded, so the size can be judged before any allocation.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UserError('photo_broken', `Không đọc được ảnh ${shown}: tệp bị hỏng hoặc chưa tải xong. Hãy chép lại ảnh từ máy ảnh rồi thử lại.`);
  }
  // The decoder must agree with the first bytes: a file that starts like a JPEG but that libvips
  // reads as something else (SVG, TIFF, a PDF behind a fake header) is not a photo.
  if (meta.format !== sniffed)
    throw new UserError('photo_not_image', `Tệp ${shown} không phải ảnh JPEG, PNG hoặc WebP (dù tên tệp có thể là .jpg). Hãy chọn đúng tệp ảnh.`);
  if ((meta.width ?? 0) * (meta.height ?? 0) > LIMITS.photoPixels)
    throw new UserError(
      'photo_too_many_pixels',
      `Ảnh ${shown} có kích thước ${meta.width}×${meta.height} điểm ảnh, vượt giới hạn ${LIMITS.photoPixels / 1_000_000} triệu điểm ảnh. Hãy giảm cỡ ảnh rồi thêm lại.`,
    );
  try {
    // Always a fresh encode, never the bytes as given: whatever rode along with the pixels (a zip
    // or a script appended after the image, a comment, EXIF with the GPS position of the
    // secretary's office) is not carried over, because sharp writes no metadata unless asked
    // (keepExif/withMetadata are deliberately never called). Orientation is applied first.
    const { data, info } = await input()
      .rotate()
      .resize({ width: LIMITS.photoLongSide, height: LIMITS.photoLongSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data).resize({ width: 320, height: 320, fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    return { data, thumb, mime: 'image/jpeg', width: info.width, height: info.height };
  } catch {
    throw new UserError('photo_broken', `Không xử lý được ảnh ${shown}: tệp bị hỏng. Hãy chép lại ảnh rồi thử lại.`);
  }
}

/** A file name safe to show in a message: no folders, no control characters, not too long. */
export function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 80);
  return clean ? `"${clean}"` : '';
}
