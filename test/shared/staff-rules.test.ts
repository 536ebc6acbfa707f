import { describe, expect, it } from 'vitest';
import type { SchoolRole } from '../../src/shared/accounts';
import {
  mayChangeStatus,
  mayMove,
  mayViewDirectory,
  type StaffHolder,
} from '../../src/shared/staff-rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
let n = 0;
const holder = (roles: Array<[string, SchoolRole]>, districtAdmin = false): StaffHolder => ({
  userId: `user-${(n += 1)}`,
  districtAdmin,
  memberships: roles.map(([schoolId, role]) => ({ schoolId, role })),
});

describe('who sees and manages staff', () => {
  const admin = holder([], true);
  const principalA = holder([[A, 'principal']]);
  const principalAB = holder([
    [A, 'principal'],
    [B, 'principal'],
  ]);
  const coachA = holder([[A, 'coach']]);

  it('shows the directory to admins everywhere and principals in their school', () => {
    expect(mayViewDirectory(admin, A)).toBe(true);
    expect(mayViewDirectory(principalA, A)).toBe(true);
    expect(mayViewDirectory(principalA, B)).toBe(false);
    expect(mayViewDirectory(coachA, A)).toBe(false);
  });

  it('lets an admin deactivate anyone but themselves', () => {
    expect(mayChangeStatus(admin, holder([[A, 'principal']]))).toBe(true);
    expect(mayChangeStatus(admin, holder([], true))).toBe(true);
    expect(mayChangeStatus(admin, admin)).toBe(false);
  });

  it('lets a principal deactivate teachers and coaches wholly within their schools', () => {
    expect(mayChangeStatus(principalA, holder([[A, 'teacher']]))).toBe(true);
    expect(mayChangeStatus(principalA, holder([[A, 'coach']]))).toBe(true);
    expect(mayChangeStatus(principalA, holder([[A, 'principal']]))).toBe(false);
    expect(mayChangeStatus(principalA, holder([[B, 'teacher']]))).toBe(false);
    expect(
      mayChangeStatus(
        principalA,
        holder([
          [A, 'teacher'],
          [B, 'coach'],
        ]),
      ),
    ).toBe(false);
    expect(mayChangeStatus(principalA, holder([], true))).toBe(false);
    expect(mayChangeStatus(principalA, holder([]))).toBe(false);
    expect(mayChangeStatus(coachA, holder([[A, 'teacher']]))).toBe(false);
  });

  it('lets an admin move anyone, a principal only staff between schools they lead', () => {
    const teacherA = holder([[A, 'teacher']]);
    expect(mayMove(admin, teacherA, A, B)).toBe(true);
    expect(mayMove(principalA, teacherA, A, B)).toBe(false);
    expect(mayMove(principalAB, teacherA, A, B)).toBe(true);
    expect(mayMove(principalAB, holder([[A, 'principal']]), A, B)).toBe(false);
    expect(mayMove(principalAB, teacherA, B, A)).toBe(false);
    expect(mayMove(coachA, teacherA, A, B)).toBe(false);
  });
});
