// The shapes the hub's HTTP API answers with, shared by the server and its screens (no imports, so
// the browser build can use it).
export type HubRegisterItem = {
  uid: string;
  unitId: number;
  unitName: string;
  meetingUid: string;
  meetingTitle: string;
  meetingDate: string | null;
  content: string;
  shortPhrase: string;
  topic: string;
  raisedBy: string;
  status: string;
  statusLabel: string;
  category: string;
  agency: string;
  deadline: string | null;
  overdue: boolean;
  conflict: boolean;
};

export type HubUnitRow = { id: number; code: string; name: string; meetings: number; items: number; overdue: number; lastReceived: string | null };

export type HubUser = { id: number; username: string; displayName: string; role: 'admin' | 'province' };

export type HubKeyInfo = { id: number; unitId: number; label: string; createdAt: string; revokedAt: string | null };

export type HubReportRow = { label: string; carriedOver: number; received: number; resolved: number; inProgress: number; notResolved: number; answered: number };

export type HubReport = {
  from: string;
  to: string;
  label: string;
  total: HubReportRow;
  byTopic: HubReportRow[];
  byAgency: HubReportRow[];
  answeredPct: number;
  resolvedPct: number;
  notResolved: { uid: string; content: string; agency: string; reason: string }[];
};

export type HubStatusOption = { key: string; label: string; category: string };
