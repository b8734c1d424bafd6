/**
 * Header auto-detection and the built-in presets. A preset is a mapping plus the header names that
 * identify its export; detection scores every preset against the file's headers and falls back to
 * synonym matching (the `generic` preset) for anything else.
 */
import type { Channel } from '../domain/types';
import {
  FIELD_KINDS,
  TARGET_FIELDS,
  type DurationField,
  type DurationUnit,
  type ImportMapping,
  type TargetField,
} from './types';

/** Lower-case, no punctuation or repeated spaces: "Answered (Y/N)" → "answered y n". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Synonyms per field, normalised. First match wins; order the list from specific to vague. */
export const FIELD_SYNONYMS: Record<TargetField, string[]> = {
  external_id: [
    'id',
    'ticket id',
    'call id',
    'interaction id',
    'case id',
    'case number',
    'ticket number',
    'conversation id',
    'contact id',
    'external id',
    'reference',
    'record id',
  ],
  channel: ['channel', 'ticket channel', 'via', 'source channel', 'contact type', 'media type', 'medium'],
  agent: [
    'agent',
    'agent name',
    'assignee',
    'assignee name',
    'assigned to',
    'owner',
    'rep',
    'representative',
    'handled by',
    'employee',
    'user',
  ],
  team: ['team', 'group', 'group name', 'team name', 'queue', 'department', 'skill'],
  customer_ref: [
    'customer id',
    'customer ref',
    'customer reference',
    'requester id',
    'customer number',
    'account id',
    'caller id',
  ],
  customer_name: ['customer name', 'requester', 'requester name', 'customer', 'caller', 'caller name'],
  customer_email: ['customer email', 'requester email', 'email'],
  started_at: [
    'created at',
    'created',
    'date',
    'start time',
    'started at',
    'start',
    'date time',
    'datetime',
    'timestamp',
    'call date',
    'call start',
    'opened',
    'opened at',
    'creation date',
    'date created',
    'received at',
    'contact date',
  ],
  started_time: ['time', 'call time', 'start time of day', 'hour'],
  // Never guessed: only the user knows whether a purchase or due date may stand in for a start.
  started_fallback: [],
  topic: [
    'topic',
    'category',
    'ticket type',
    'type',
    'reason',
    'contact reason',
    'issue type',
    'call reason',
  ],
  subject: ['subject', 'ticket subject', 'title', 'summary'],
  priority: ['priority', 'ticket priority', 'urgency', 'severity'],
  status: ['status', 'ticket status', 'state', 'outcome'],
  answered: ['answered', 'answered y n', 'is answered', 'picked up', 'connected', 'handled'],
  abandoned: ['abandoned', 'abandoned y n', 'is abandoned', 'dropped'],
  resolved: ['resolved', 'resolved y n', 'is resolved', 'solved'],
  first_response_at: ['first response at', 'first reply at', 'first responded at', 'first response date'],
  first_response_seconds: [
    'first response time',
    'first reply time',
    'first reply time in minutes',
    'first response time in minutes',
    'speed of answer',
    'speed of answer in seconds',
    'asa',
    'wait time',
    'queue time',
    'time to answer',
    'first response seconds',
  ],
  resolved_at: ['solved at', 'resolved at', 'closed at', 'resolution date', 'date resolved', 'closed'],
  resolution_seconds: [
    'resolution time',
    'time to resolution',
    'full resolution time',
    'full resolution time in minutes',
    'resolution time in minutes',
    'time to resolve',
    'resolution seconds',
    'handle time to resolve',
  ],
  resolution_business_seconds: [
    'full resolution time in minutes within business hours',
    'resolution time within business hours',
  ],
  talk_seconds: [
    'talk time',
    'talk duration',
    'avg talk duration',
    'avgtalkduration',
    'talk seconds',
    'call duration',
    'duration',
    'conversation time',
    'handle time talk',
  ],
  hold_seconds: ['hold time', 'hold duration', 'hold seconds', 'on hold'],
  wrap_seconds: [
    'wrap time',
    'wrap up time',
    'wrap up',
    'after call work',
    'acw',
    'wrap seconds',
    'wrapup time',
  ],
  fcr: [
    'fcr',
    'first contact resolution',
    'first call resolution',
    'resolved first contact',
    'one touch',
    'one touch resolution',
  ],
  csat: [
    'satisfaction rating',
    'satisfaction score',
    'customer satisfaction rating',
    'csat',
    'csat score',
    'satisfaction',
    'rating',
    'customer satisfaction',
    'score',
  ],
  nps: ['nps', 'nps score', 'likelihood to recommend', 'how likely to recommend', 'recommend score'],
  ces: ['ces', 'ces score', 'customer effort score', 'effort score', 'effort'],
  is_complaint: ['complaint', 'is complaint', 'complaint y n'],
  escalated: ['escalated', 'escalation', 'is escalated', 'escalated y n'],
  escalation_level: ['escalation level', 'escalated to', 'tier', 'level'],
  complaint_category: ['complaint category', 'complaint type'],
  complaint_details: ['complaint details', 'complaint description'],
  cross_sell_eligible: ['cross sell eligible', 'upsell eligible', 'eligible for offer'],
  cross_sell_offered: ['cross sell offered', 'upsell offered', 'offer made', 'offered'],
  cross_sell_converted: ['cross sell converted', 'upsell converted', 'offer accepted', 'converted', 'sale'],
  customer_comment: [
    'satisfaction comment',
    'customer comment',
    'comment',
    'feedback',
    'survey comment',
    'verbatim',
  ],
  notes: ['notes', 'internal notes', 'agent notes', 'resolution', 'remarks'],
};

export interface ImportPreset {
  id: string;
  name: string;
  description: string;
  mapping: ImportMapping;
  /** Normalised headers that identify this export; detection needs most of them. */
  signature: string[];
}

export const PRESETS: ImportPreset[] = [
  {
    id: 'zendesk',
    name: 'Zendesk-style ticket export',
    description:
      'Ticket export with "Created at", "Solved at", "Assignee", "Satisfaction Score" (Good/Bad) and reply times in minutes.',
    signature: ['created at', 'solved at', 'assignee', 'satisfaction score', 'first reply time in minutes'],
    mapping: {
      source: 'zendesk',
      presetId: 'zendesk',
      defaultChannel: 'ticket',
      fields: {
        external_id: 'Id',
        channel: 'Via',
        agent: 'Assignee',
        team: 'Group',
        customer_ref: 'Requester email',
        customer_name: 'Requester',
        started_at: 'Created at',
        resolved_at: 'Solved at',
        subject: 'Subject',
        status: 'Status',
        priority: 'Priority',
        topic: 'Type',
        csat: 'Satisfaction Score',
        customer_comment: 'Satisfaction Comment',
        first_response_seconds: 'First reply time in minutes',
        resolution_seconds: 'Full resolution time in minutes',
        resolution_business_seconds: 'Full resolution time in minutes within business hours',
      },
      units: {
        first_response_seconds: 'minutes',
        resolution_seconds: 'minutes',
        resolution_business_seconds: 'minutes',
      },
      csatScale: 5,
    },
  },
  {
    id: 'call-center',
    name: 'Call-center (ACD) export',
    description:
      'One row per call: "Answered (Y/N)", "Resolved", "Speed of answer in seconds", talk duration h:mm:ss, "Satisfaction rating".',
    signature: [
      'call id',
      'agent',
      'date',
      'time',
      'answered y n',
      'resolved',
      'speed of answer in seconds',
      'satisfaction rating',
    ],
    mapping: {
      source: 'call-center',
      presetId: 'call-center',
      defaultChannel: 'call',
      fields: {
        external_id: 'Call Id',
        agent: 'Agent',
        started_at: 'Date',
        started_time: 'Time',
        topic: 'Topic',
        answered: 'Answered (Y/N)',
        resolved: 'Resolved',
        first_response_seconds: 'Speed of answer in seconds',
        talk_seconds: 'AvgTalkDuration',
        csat: 'Satisfaction rating',
      },
      units: { first_response_seconds: 'seconds', talk_seconds: 'auto' },
      csatScale: 'auto',
    },
  },
];

/**
 * Not a fixed mapping: each column is matched by its name (FIELD_SYNONYMS). Listed with the presets
 * so the wizard can show it as what was detected, and the user can go back to it.
 */
export const GENERIC_PRESET = {
  id: 'generic',
  name: 'Generic export (columns matched by name)',
  description: 'Maps every column whose name is a known synonym ("Created at", "Agent", "CSAT"…).',
} as const;

export const isPresetId = (id: string): boolean =>
  id === GENERIC_PRESET.id || PRESETS.some((p) => p.id === id);

/** A preset's mapping fitted to the file's headers, or null for an unknown id. */
export function presetMapping(id: string, headers: string[]): DetectedMapping | null {
  if (id === GENERIC_PRESET.id) return { presetId: id, mapping: genericMapping(headers), unmapped: [] };
  const preset = PRESETS.find((p) => p.id === id);
  return preset ? applyPreset(preset, headers) : null;
}

/** The talk column of the call-center export is named differently in the CSV conversion. */
const PRESET_ALIASES: Record<string, Partial<Record<TargetField, string[]>>> = {
  'call-center': { talk_seconds: ['avg talk duration', 'talk duration', 'talk time'] },
};

export interface DetectedMapping {
  presetId: string;
  mapping: ImportMapping;
  /** Headers no field was mapped to (shown so the user can map them by hand). */
  unmapped: string[];
}

const UNIT_HINTS: Array<[RegExp, DurationUnit]> = [
  [/\bin minutes\b|\(min(utes)?\)|\bminutes\b|\bmins?\b/, 'minutes'],
  [/\bin hours\b|\(h(ours)?\)|\bhours\b/, 'hours'],
  [/\bin seconds\b|\(s(ec(onds)?)?\)|\bseconds\b|\bsecs?\b/, 'seconds'],
];

/** "First reply time in minutes" → minutes. */
export function unitFromHeader(header: string): DurationUnit {
  const lower = header.toLowerCase();
  for (const [re, unit] of UNIT_HINTS) if (re.test(lower)) return unit;
  return 'auto';
}

function findHeader(headers: string[], wanted: string[]): string | undefined {
  const normalised = headers.map(normalizeHeader);
  for (const want of wanted) {
    const i = normalised.indexOf(normalizeHeader(want));
    if (i >= 0) return headers[i];
  }
  return undefined;
}

/** Picks a preset when the headers carry its signature, else builds a mapping from synonyms. */
export function detectMapping(headers: string[]): DetectedMapping {
  const normalised = new Set(headers.map(normalizeHeader));
  for (const preset of PRESETS) {
    const hits = preset.signature.filter((h) => normalised.has(h)).length;
    if (hits / preset.signature.length >= 0.75) return applyPreset(preset, headers);
  }
  return { presetId: 'generic', mapping: genericMapping(headers), unmapped: [] };
}

/** A preset's mapping fitted to the file's actual header spelling; fields whose column is absent are dropped. */
export function applyPreset(preset: ImportPreset, headers: string[]): DetectedMapping {
  const fields: Partial<Record<TargetField, string>> = {};
  for (const field of TARGET_FIELDS) {
    const wanted = preset.mapping.fields[field];
    const candidates = [...(wanted ? [wanted] : []), ...(PRESET_ALIASES[preset.id]?.[field] ?? [])];
    const header = candidates.length > 0 ? findHeader(headers, candidates) : undefined;
    if (header) fields[field] = header;
  }
  const mapping: ImportMapping = { ...preset.mapping, fields, units: { ...preset.mapping.units } };
  return { presetId: preset.id, mapping, unmapped: unmappedHeaders(headers, fields) };
}

function genericMapping(headers: string[]): ImportMapping {
  const fields: Partial<Record<TargetField, string>> = {};
  const used = new Set<string>();
  const normalised = headers.map(normalizeHeader);
  // Exact synonym matches first, over all fields, so "Customer Email" goes to customer_ref before
  // the vaguer "email" synonym of another field claims it.
  for (let rank = 0; rank < 20; rank++) {
    for (const field of TARGET_FIELDS) {
      if (fields[field]) continue;
      const synonym = FIELD_SYNONYMS[field][rank];
      if (synonym === undefined) continue;
      const i = normalised.indexOf(synonym);
      const header = headers[i];
      if (i >= 0 && header !== undefined && !used.has(header)) {
        fields[field] = header;
        used.add(header);
      }
    }
  }
  // Without a customer id column the e-mail address is the best identity for repeat contacts.
  if (!fields.customer_ref && fields.customer_email) fields.customer_ref = fields.customer_email;
  const units: Partial<Record<DurationField, DurationUnit>> = {};
  for (const field of TARGET_FIELDS) {
    const header = fields[field];
    if (header && FIELD_KINDS[field] === 'duration') units[field as DurationField] = unitFromHeader(header);
  }
  const channel = fields.channel ? undefined : guessChannel(normalised);
  return {
    source: 'generic',
    presetId: 'generic',
    fields,
    units,
    csatScale: 'auto',
    cesScale: 'auto',
    ...(channel ? { defaultChannel: channel } : {}),
  };
}

function guessChannel(normalised: string[]): Channel {
  if (normalised.some((h) => h.includes('call') || h.includes('talk'))) return 'call';
  if (normalised.some((h) => h.includes('ticket'))) return 'ticket';
  return 'other';
}

function unmappedHeaders(headers: string[], fields: Partial<Record<TargetField, string>>): string[] {
  const mapped = new Set(Object.values(fields));
  return headers.filter((h) => !mapped.has(h));
}
