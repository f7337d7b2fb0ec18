// Sending to the province's hub (thuky-hub, issue 17): what the settings screen shows and sends.
import { z } from 'zod';
import { text } from './schemas';

export type HubStatus = {
  url: string;
  keySet: boolean;
  /** The key's last four characters, so the office can tell which key is in use. */
  keyHint: string;
  /** Meetings queued for sending. */
  pending: number;
  failing: { meetingId: number; title: string; error: string; attempts: number }[];
  lastSentAt: string | null;
};

export type SendSummary = { sent: number; failed: number; skipped: boolean; message: string };

/** `unitKey` absent keeps the key already entered; '' removes it. */
export const HubSettingsInput = z.object({ url: text('Địa chỉ hub', 500), unitKey: text('Khóa đơn vị', 200).optional() });
