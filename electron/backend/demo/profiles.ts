import { clamp, type Rng } from './random';

/** What makes one demo agent different from the next; quality is centred on 0 (team average). */
export interface AgentProfile {
  name: string;
  /** General service quality: CSAT, NPS, FCR, QA ratings. Roughly -1..1. */
  quality: number;
  /** Change of `quality` from the first to the last day of the range (improving / declining). */
  trend: number;
  /** Handle-time multiplier (below 1 = faster). */
  speed: number;
  /** Multiplier on how often and how long the agent puts callers on hold. */
  holds: number;
  /** Probability of making an offer when a cross-sell opportunity exists. */
  crossSell: number;
  /** Calms difficult customers: fewer complaints and escalations. 0..1. */
  empathy: number;
  /** Base first-contact-resolution probability. */
  fcr: number;
  /** Share of the team's volume the agent takes on. */
  volume: number;
  /** Time logged in spent handling interactions. */
  occupancy: number;
  /** Critical-error tendency seen by QA. */
  slips: number;
  /** Months before the start of the range the agent was hired (negative: hired during it). */
  tenureMonths: number;
  /** One-line description used in the goal worksheet and review comments. */
  story: string;
}

type Trait = Omit<AgentProfile, 'name'>;

const average: Trait = {
  quality: 0,
  trend: 0,
  speed: 1,
  holds: 1,
  crossSell: 0.45,
  empathy: 0.5,
  fcr: 0.78,
  volume: 1,
  occupancy: 0.8,
  slips: 0.02,
  tenureMonths: 24,
  story: 'steady all-rounder',
};

/** The first twelve agents are hand-made so the demo tells clear stories. */
const ARCHETYPES: Array<{ name: string } & Partial<Trait>> = [
  {
    name: 'Anna Schmidt',
    quality: 0.65,
    fcr: 0.87,
    speed: 0.95,
    crossSell: 0.55,
    slips: 0.005,
    story: 'top performer',
  },
  {
    name: 'Jonas Weber',
    quality: -0.25,
    speed: 0.72,
    fcr: 0.66,
    volume: 1.2,
    slips: 0.07,
    story: 'fast but too quick to close: low first-contact resolution',
  },
  { name: 'Leila Haddad', quality: 0.2, crossSell: 0.85, story: 'strong at cross-selling' },
  {
    name: 'Tim Becker',
    quality: -0.75,
    trend: 1.15,
    speed: 1.2,
    fcr: 0.7,
    volume: 0.85,
    tenureMonths: 1,
    story: 'new joiner, improving month on month',
  },
  {
    name: 'Marta Kowalska',
    quality: 0.55,
    trend: -1.1,
    fcr: 0.82,
    tenureMonths: 60,
    story: 'experienced, but results declining',
  },
  {
    name: 'Paul Richter',
    holds: 2.6,
    speed: 1.2,
    quality: -0.05,
    story: 'puts customers on hold too often and too long',
  },
  {
    name: 'Sofia Romano',
    quality: 0.45,
    empathy: 0.92,
    speed: 1.25,
    volume: 0.9,
    story: 'very empathetic, long handle times',
  },
  { name: 'David Okafor', story: 'steady all-rounder' },
  {
    name: 'Emma Wagner',
    fcr: 0.89,
    crossSell: 0.1,
    quality: 0.25,
    story: 'solves everything, never offers anything',
  },
  { name: 'Lukas Hoffmann', empathy: 0.1, quality: -0.2, story: 'escalates complaints quickly' },
  { name: 'Mia Schulz', quality: 0.15, volume: 1.05, story: 'reliable, slightly above average' },
  { name: 'Yusuf Demir', quality: -0.35, speed: 0.9, story: 'below average customer satisfaction' },
];

const FIRST = [
  'Alex',
  'Ben',
  'Clara',
  'Deniz',
  'Elif',
  'Felix',
  'Greta',
  'Hannah',
  'Ilias',
  'Jana',
  'Karim',
  'Lena',
  'Max',
  'Nora',
  'Oskar',
  'Pia',
  'Rafael',
  'Sara',
  'Theo',
  'Ursula',
  'Vera',
  'Will',
  'Zoe',
  'Amir',
];
const LAST = [
  'Fischer',
  'Meyer',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Maier',
  'Walter',
  'Peters',
  'Yilmaz',
  'Nowak',
];

export function agentProfiles(count: number, rng: Rng): AgentProfile[] {
  const profiles: AgentProfile[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const archetype = ARCHETYPES[i];
    if (archetype) {
      profiles.push({ ...average, ...archetype });
      used.add(archetype.name.toLowerCase());
      continue;
    }
    let name = '';
    // Deterministic walk through first × last names; agent names are unique (NOCASE).
    for (let k = i; name === '' || used.has(name.toLowerCase()); k += 7) {
      name = `${FIRST[k % FIRST.length]} ${LAST[Math.floor(k / FIRST.length) % LAST.length]}`;
      if (k > i + FIRST.length * LAST.length * 7) name = `Agent ${i + 1}`;
    }
    used.add(name.toLowerCase());
    profiles.push({
      name,
      quality: clamp(rng.normal(0, 0.35), -0.8, 0.8),
      trend: rng.chance(0.2) ? rng.normal(0, 0.5) : 0,
      speed: clamp(rng.normal(1, 0.12), 0.7, 1.35),
      holds: clamp(rng.logNormal(1, 0.4), 0.4, 2.5),
      crossSell: clamp(rng.normal(0.45, 0.18), 0.05, 0.9),
      empathy: clamp(rng.normal(0.5, 0.2), 0.05, 0.95),
      fcr: clamp(rng.normal(0.78, 0.05), 0.62, 0.9),
      volume: clamp(rng.normal(1, 0.1), 0.75, 1.25),
      occupancy: clamp(rng.normal(0.8, 0.05), 0.68, 0.9),
      slips: clamp(rng.normal(0.02, 0.015), 0.002, 0.08),
      tenureMonths: rng.int(-2, 72),
      story: 'steady all-rounder',
    });
  }
  return profiles;
}

export const TEAM_NAMES = [
  'Team North',
  'Team South',
  'Team East',
  'Team West',
  'Team Central',
  'Team Harbour',
];
export const TEAM_LEADS = [
  'Katrin Vogel',
  'Ben Martens',
  'Ines Duarte',
  'Ole Jensen',
  'Fatma Aydin',
  'Rob Kerr',
];
export const EVALUATORS = ['Sabine Keller (QA)', 'Marco Rossi (QA)', 'Katrin Vogel (Team lead)'];

export const teamName = (index: number): string => TEAM_NAMES[index] ?? `Team ${index + 1}`;
export const teamLead = (index: number): string => TEAM_LEADS[index % TEAM_LEADS.length] ?? 'Team lead';

export const CUSTOMER_FIRST = [
  ...FIRST,
  'Jörg',
  'Monika',
  'Stefan',
  'Sabine',
  'Thomas',
  'Petra',
  'Michael',
  'Andrea',
  'Kevin',
  'Julia',
  'Ahmet',
  'Olga',
];
export const CUSTOMER_LAST = [
  ...LAST,
  'Becker',
  'Schulz',
  'Keller',
  'Roth',
  'Frank',
  'Berger',
  'Sommer',
  'Vogt',
];
