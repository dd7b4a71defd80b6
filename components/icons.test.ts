import { describe, expect, it } from 'vitest';
import { toolIconKind } from './icons';

describe('a tool gets the icon its name suggests', () => {
  it.each([
    ['web_search', 'search'],
    ['fetch_page', 'fetch'],
    ['charge_card', 'payment'],
    ['refund_payment', 'payment'],
    ['reserve_room', 'reserve'],
    ['cancel_reservation', 'reserve'],
    ['create_ticket', 'ticket'],
    ['close_ticket', 'ticket'],
    ['send_email', 'send'],
    ['frobnicate', 'tool'],
  ])('%s → %s', (tool, kind) => {
    expect(toolIconKind(tool)).toBe(kind);
  });

  it('a sub-agent gets the agent icon whatever its name', () => {
    expect(toolIconKind('charge_card', 'agent')).toBe('agent');
  });
});
