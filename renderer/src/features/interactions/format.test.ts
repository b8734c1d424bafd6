import { describe, expect, it } from 'vitest';
import { channelLabel, enumLabel, formatDuration } from './format';

describe('formatDuration', () => {
  it('shows minutes, then hours, then days with hours', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3599)).toBe('59:59');
    expect(formatDuration(56_237)).toBe('15:37:17');
    expect(formatDuration(86_399)).toBe('23:59:59');
    expect(formatDuration(86_400)).toBe('1d 0h');
    expect(formatDuration(692_352)).toBe('8d 0h');
    expect(formatDuration(1_041_534)).toBe('12d 1h');
  });

  it('never needs more than eight characters below a hundred days', () => {
    for (const seconds of [3599, 35_999, 86_399, 99 * 86_400 + 23 * 3600]) {
      expect(formatDuration(seconds).length).toBeLessThanOrEqual(8);
    }
  });
});

describe('labels', () => {
  it('names every channel the same way everywhere', () => {
    expect(channelLabel('chat')).toBe('Chat');
    expect(channelLabel('email')).toBe('Email');
  });

  it('turns stored codes into labels and leaves capitalised text alone', () => {
    expect(enumLabel('pending')).toBe('Pending');
    expect(enumLabel('team_lead')).toBe('Team lead');
    expect(enumLabel(' follow-up ')).toBe('Follow up');
    expect(enumLabel('In Progress')).toBe('In Progress');
    expect(enumLabel('VIP')).toBe('VIP');
    expect(enumLabel('')).toBe('—');
    expect(enumLabel(null)).toBe('—');
  });
});
