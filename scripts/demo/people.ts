import type { SchoolRole } from '../../src/shared/accounts';

/**
 * The demo district. These accounts and their password exist only in the demo
 * data `npm run demo` writes; a real install has no default account at all.
 */
export const DEMO_PASSWORD = 'lookfor-demo-2026';

export const demoSchools = [
  { key: 'lincoln', name: 'Lincoln Elementary' },
  { key: 'roosevelt', name: 'Roosevelt Middle School' },
] as const;
export type SchoolKey = (typeof demoSchools)[number]['key'];

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  districtAdmin?: boolean;
  roles: Array<{ school: SchoolKey; role: SchoolRole }>;
}

const at = (local: string) => `${local}@demo.lookfor.example`;
const teacher = (key: string, name: string, school: SchoolKey): DemoPerson => ({
  key,
  name,
  email: at(key),
  roles: [{ school, role: 'teacher' }],
});

export const demoPeople: readonly DemoPerson[] = [
  { key: 'admin', name: 'Dana Okafor', email: at('admin'), districtAdmin: true, roles: [] },
  {
    key: 'principal.lincoln',
    name: 'Maria Alvarez',
    email: at('principal.lincoln'),
    roles: [{ school: 'lincoln', role: 'principal' }],
  },
  {
    key: 'coach.lincoln',
    name: 'Sam Rivera',
    email: at('coach.lincoln'),
    roles: [{ school: 'lincoln', role: 'coach' }],
  },
  {
    key: 'principal.roosevelt',
    name: 'James Chen',
    email: at('principal.roosevelt'),
    roles: [{ school: 'roosevelt', role: 'principal' }],
  },
  {
    key: 'coach.roosevelt',
    name: 'Priya Natarajan',
    email: at('coach.roosevelt'),
    roles: [{ school: 'roosevelt', role: 'coach' }],
  },
  // A math coach who works in both buildings: coach in one, teacher in the other.
  {
    key: 'coach.both',
    name: 'Lee Morgan',
    email: at('coach.both'),
    roles: [
      { school: 'roosevelt', role: 'coach' },
      { school: 'lincoln', role: 'teacher' },
    ],
  },
  teacher('teacher1.lincoln', 'Aisha Johnson', 'lincoln'),
  teacher('teacher2.lincoln', 'Ben Kowalski', 'lincoln'),
  teacher('teacher3.lincoln', 'Carmen Diaz', 'lincoln'),
  teacher('teacher4.lincoln', 'David Osei', 'lincoln'),
  teacher('teacher5.lincoln', 'Emma Larsen', 'lincoln'),
  teacher('teacher6.lincoln', 'Farah Haddad', 'lincoln'),
  teacher('teacher7.lincoln', 'Gabe Wilson', 'lincoln'),
  teacher('teacher1.roosevelt', 'Hana Sato', 'roosevelt'),
  teacher('teacher2.roosevelt', 'Isaac Brown', 'roosevelt'),
  teacher('teacher3.roosevelt', 'Julia Rossi', 'roosevelt'),
  teacher('teacher4.roosevelt', 'Kofi Mensah', 'roosevelt'),
  teacher('teacher5.roosevelt', 'Lina Petrova', 'roosevelt'),
  teacher('teacher6.roosevelt', 'Marcus Reed', 'roosevelt'),
  teacher('teacher7.roosevelt', 'Nora Walsh', 'roosevelt'),
];
