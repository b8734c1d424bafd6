/** Columns `process` fills. Name columns (agent/team/customer) hold text; the writer resolves ids. */
export type OutColumn =
  | 'external_id'
  | 'channel'
  | 'agent_name'
  | 'team_name'
  | 'customer_ref'
  | 'customer_name'
  | 'customer_email'
  | 'started_at'
  | 'day'
  | 'topic'
  | 'subject'
  | 'priority'
  | 'status'
  | 'answered'
  | 'abandoned'
  | 'resolved'
  | 'first_response_at'
  | 'first_response_seconds'
  | 'resolved_at'
  | 'resolution_seconds'
  | 'resolution_business_seconds'
  | 'talk_seconds'
  | 'hold_seconds'
  | 'wrap_seconds'
  | 'fcr'
  | 'csat_score'
  | 'csat_scale'
  | 'nps_score'
  | 'ces_score'
  | 'ces_scale'
  | 'is_complaint'
  | 'escalated'
  | 'escalation_level'
  | 'complaint_category'
  | 'complaint_details'
  | 'cross_sell_eligible'
  | 'cross_sell_offered'
  | 'cross_sell_converted'
  | 'customer_comment'
  | 'notes';

/** Every column `process` can fill; a compiled mapping fills those its fields need. */
export const ALL_OUT_COLUMNS: OutColumn[] = [
  'external_id',
  'channel',
  'agent_name',
  'team_name',
  'customer_ref',
  'customer_name',
  'customer_email',
  'started_at',
  'day',
  'topic',
  'subject',
  'priority',
  'status',
  'answered',
  'abandoned',
  'resolved',
  'first_response_at',
  'first_response_seconds',
  'resolved_at',
  'resolution_seconds',
  'resolution_business_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'fcr',
  'csat_score',
  'csat_scale',
  'nps_score',
  'ces_score',
  'ces_scale',
  'is_complaint',
  'escalated',
  'escalation_level',
  'complaint_category',
  'complaint_details',
  'cross_sell_eligible',
  'cross_sell_offered',
  'cross_sell_converted',
  'customer_comment',
  'notes',
];
