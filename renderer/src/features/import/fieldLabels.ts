import type { TargetField } from '../../../../shared/import/types';

/**
 * Names of the app's fields in the mapping step. The rest read as their id with spaces ("talk
 * seconds", capitalised by CSS); acronyms and flags need their own words, or the lead meets
 * "Nps", "Ces" and "Is complaint".
 */
const FIELD_LABELS: Partial<Record<TargetField, string>> = {
  external_id: 'External id (dedupe key)',
  started_at: 'Started at (date or date+time)',
  started_time: 'Start time (if separate)',
  started_fallback: 'Start date of rows without any time',
  first_response_seconds: 'First response / speed of answer',
  csat: 'CSAT rating',
  nps: 'NPS rating (0–10)',
  ces: 'Customer effort (CES) rating',
  fcr: 'First contact resolved',
  is_complaint: 'Complaint (yes/no)',
  escalated: 'Escalated (yes/no)',
  cross_sell_eligible: 'Cross-sell eligible',
  cross_sell_offered: 'Cross-sell offered',
  cross_sell_converted: 'Cross-sell converted',
};

export const fieldLabel = (field: TargetField): string => FIELD_LABELS[field] ?? field.replace(/_/g, ' ');
