import type { ObservationSetup } from '../../../shared/observation';

export const gradeLabel = (band: ObservationSetup['gradeBand']) =>
  band === 'PreK' || band === 'Mixed' ? band : `Grade ${band}`;

export const commonSubjects = [
  'Math',
  'English Language Arts',
  'Science',
  'Social Studies',
  'World Language',
  'Arts',
  'Physical Education',
  'Special Education',
  'Advisory',
];
