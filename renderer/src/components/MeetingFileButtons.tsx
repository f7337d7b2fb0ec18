import { useRef, useState } from 'react';
import { api } from '../lib/api';
import { fileToBase64, saveFile } from '../lib/files';
import { flushAllFields } from '../lib/autosave';
import { saveQueue } from '../lib/save-queue';
import { navigate } from '../lib/router';

/**
 * A button that picks one file and hands it to the core: the new meeting opens, or the core's
 * Vietnamese message is shown and nothing was written. The file input is reset either way, so the
 * same file can be picked again after a fix.
 */
function ImportFileButton(props: {
  label: string;
  accept: string;
  testId: string;
  onError: (message: string | null) => void;
  send: (file: File) => ReturnType<typeof api.call<'meetingFile.import'>>;
  explain?: (file: File, message: string) => string;
}) {
  const { label, accept, testId, onError, send, explain } = props;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function picked(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    onError(null);
    const r = await send(file);
    setBusy(false);
    if (input.current) input.current.value = '';
    if (!r.ok) return onError(explain ? explain(file, r.error.message) : r.error.message);
    navigate({ name: 'meeting', id: r.value.id, tab: 'prepare' });
  }
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy} data-testid={testId}>
        {busy ? 'Đang nhập…' : label}
      </button>
      <input ref={input} type="file" accept={accept} hidden onChange={(e) => void picked(e.target.files?.[0])} data-testid={`${testId}-file`} />
    </>
  );
}

/** "Nhập tệp hội nghị": a .thukyhn from another laptop or a colleague becomes a new meeting. */
export function ImportMeetingButton({ onError }: { onError: (message: string | null) => void }) {
  return (
    <ImportFileButton
      label="Nhập tệp hội nghị (.thukyhn)…"
      accept=".thukyhn"
      testId="import-meeting"
      onError={onError}
      send={async (file) => api.call('meetingFile.import', { fileName: file.name, dataBase64: await fileToBase64(file) })}
    />
  );
}

/**
 * "Nhập bản ghi hội nghị (.json)": a meeting record (the facts of a real meeting, format
 * meeting-record/1 or /2) becomes a new meeting. The core checks it whole and writes nothing
 * when it refuses it; its message names the field.
 */
export function ImportRecordButton({ onError }: { onError: (message: string | null) => void }) {
  return (
    <ImportFileButton
      label="Nhập bản ghi hội nghị (.json)…"
      accept=".json,application/json"
      testId="import-record"
      onError={onError}
      send={async (file) => api.call('record.import', { json: await file.text() })}
      explain={(file, message) => `Không nhập được tệp “${file.name}”. ${message}`}
    />
  );
}

/** "Xuất tệp hội nghị": the whole meeting, photos included, in one file. */
export function ExportMeetingButton({ meetingId, onError }: { meetingId: number; onError: (message: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    onError(null);
    // What was typed a moment ago goes into the file too.
    flushAllFields();
    await saveQueue.idle();
    const r = await api.call('meetingFile.export', { id: meetingId });
    setBusy(false);
    if (!r.ok) return onError(r.error.message);
    saveFile(r.value.fileName, 'application/octet-stream', r.value.dataBase64);
  }
  return (
    <button type="button" className="link" onClick={() => void run()} disabled={busy} data-testid="export-meeting">
      {busy ? 'Đang xuất…' : 'Xuất tệp hội nghị'}
    </button>
  );
}
