/** Wording for the demo. Comments use clear lexicon words so sentiment analysis has something to find. */

export const TOPICS = [
  'Billing',
  'Technical support',
  'Contract',
  'Delivery',
  'Account',
  'Product information',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Normal topic mix, and the mix in the days after the product launch. */
export const TOPIC_WEIGHTS = [26, 24, 14, 12, 12, 12];
export const LAUNCH_TOPIC_WEIGHTS = [14, 28, 18, 8, 8, 24];

/** How much longer than average a topic takes to handle. */
export const TOPIC_EFFORT: Record<Topic, number> = {
  Billing: 1,
  'Technical support': 1.35,
  Contract: 1.1,
  Delivery: 0.8,
  Account: 0.75,
  'Product information': 0.9,
};

/** Topics where a cross-sell is likely to make sense. */
export const CROSS_SELL_CHANCE: Record<Topic, number> = {
  Billing: 0.2,
  'Technical support': 0.15,
  Contract: 0.45,
  Delivery: 0.1,
  Account: 0.2,
  'Product information': 0.55,
};

export const SUBJECTS: Record<Topic, readonly string[]> = {
  Billing: [
    'Invoice amount higher than expected',
    'Direct debit failed',
    'Refund not received',
    'Question about my bill',
  ],
  'Technical support': [
    'Internet keeps dropping',
    'Router will not connect',
    'App login error',
    'Slow connection',
  ],
  Contract: ['Change of tariff', 'Cancellation request', 'Contract renewal', 'Move to a new address'],
  Delivery: ['Where is my order?', 'Parcel damaged', 'Wrong item delivered', 'Change delivery date'],
  Account: ['Update bank details', 'Password reset', 'Change contact email', 'Add a second user'],
  'Product information': [
    'Question about FiberMax 1000',
    'Which tariff suits me?',
    'Availability at my address',
    'Device compatibility',
  ],
};

export const POSITIVE_COMMENTS = [
  'Very friendly and helpful, thank you!',
  'Quick and competent answer, excellent service.',
  'The agent was patient and explained everything clearly. Great!',
  'Problem solved in minutes, really happy.',
  'Super helpful, polite and fast.',
  'Excellent support, thanks a lot.',
  'Kind and professional, I appreciated the follow-up.',
];
export const NEUTRAL_COMMENTS = [
  'It was okay, took a while.',
  'Answer was fine but I had to explain twice.',
  'Average experience.',
  'Solved in the end, but the wait was long.',
];
export const NEGATIVE_COMMENTS = [
  'Waited forever and the problem is still not solved.',
  'Rude and unhelpful agent, very disappointed.',
  'Useless answer, I am frustrated.',
  'Terrible experience, nobody called back as promised.',
  'Slow, confusing and I got the wrong information.',
  'Annoying transfers between departments, awful.',
];

export const COMPLAINT_CATEGORIES = [
  'Billing error',
  'Service outage',
  'Long waiting time',
  'Agent behaviour',
  'Delivery problem',
  'Contract terms',
] as const;

export const COMPLAINT_DETAILS: Record<(typeof COMPLAINT_CATEGORIES)[number], readonly string[]> = {
  'Billing error': [
    'Charged twice for the same month.',
    'Discount from the offer was not applied.',
    'Late fee despite paying on time.',
  ],
  'Service outage': [
    'No internet for three days, no compensation offered.',
    'Repeated outages every evening.',
  ],
  'Long waiting time': [
    'Waited over 20 minutes in the queue.',
    'Third call about the same issue, still no answer.',
  ],
  'Agent behaviour': [
    'Felt the previous agent did not take me seriously.',
    'Was promised a callback that never came.',
  ],
  'Delivery problem': [
    'Parcel lost, second time this year.',
    'Technician did not show up for the appointment.',
  ],
  'Contract terms': ['Cancellation not processed as requested.', 'Tariff change applied to the wrong month.'],
};

export const ESCALATION_LEVELS = ['expert', 'team_lead', 'manager'] as const;

export const REVIEW_PRAISE = [
  'Excellent call control and a very warm tone.',
  'Great diagnosis, found the real issue quickly.',
  'Handled an upset customer calmly and with empathy.',
  'Clear summary and next steps at the end.',
  'Good, natural cross-sell that fit the customer’s need.',
];
export const REVIEW_COACHING = [
  'Avoid the long hold in the middle; ask a colleague via chat instead.',
  'Confirm the fix with the customer before closing.',
  'Missed a clear cross-sell opportunity for the new tariff.',
  'Introduce yourself and the company at the start.',
  'Too quick to close; the customer had to call back.',
  'Listen to the end before answering; the customer repeated the problem twice.',
];
