// Files in and out of the renderer. The core speaks base64 over the contract (IPC and loopback
// JSON alike), so a picked file is read to base64 and an exported one is saved from base64.

/** A picked or dropped file as base64, without building a data: URL string first. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Saves bytes through the browser's download: in browser mode they land in the download folder;
 * in Electron, main's will-download handler opens a save dialog in Documents.
 */
export function saveFile(fileName: string, mime: string, dataBase64: string): void {
  const url = URL.createObjectURL(new Blob([fromBase64(dataBase64)], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; keep it a while for slow disks, then free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
