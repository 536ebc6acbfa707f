/**
 * How a room is named on screen. A number or a short code ("12", "207B", "B12") reads
 * as "Room 12"; anything that already is a name ("Library", "Gym", "Portable 3",
 * "Room 5") is shown as written, never "Room Library".
 */
export function roomName(label: string): string {
  const room = label.trim();
  if (/^room\b/i.test(room)) return room;
  const code = /^\d/.test(room) || (room.length <= 4 && /\d/.test(room));
  return code ? `Room ${room}` : room;
}
