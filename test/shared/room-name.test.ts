import { describe, expect, it } from 'vitest';
import { roomName } from '../../src/shared/room-name';

describe('room names', () => {
  it('adds "Room" to a number or a short code', () => {
    expect(roomName('12')).toBe('Room 12');
    expect(roomName('207B')).toBe('Room 207B');
    expect(roomName('B12')).toBe('Room B12');
    expect(roomName(' 114 ')).toBe('Room 114');
  });

  it('shows a label that already is a name as written', () => {
    expect(roomName('Library')).toBe('Library');
    expect(roomName('Gym')).toBe('Gym');
    expect(roomName('Portable 3')).toBe('Portable 3');
    expect(roomName('Science Lab 2')).toBe('Science Lab 2');
  });

  it('never says "Room" twice', () => {
    expect(roomName('Room 5')).toBe('Room 5');
    expect(roomName('room 5')).toBe('room 5');
  });
});
