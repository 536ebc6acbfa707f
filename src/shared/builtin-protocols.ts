import { protocolKey, type Protocol } from './protocol';
import { blastEmpoweredLearning } from './starter/blast-empowered-learning';
import { equitableLearning } from './starter/equitable-learning';
import { instructionalRounds } from './starter/instructional-rounds';
import { peerObservationLabClassroom } from './starter/peer-observation-lab-classroom';
import { socialEmotionalLearning } from './starter/social-emotional-learning';

export {
  blastEmpoweredLearning,
  equitableLearning,
  socialEmotionalLearning,
  peerObservationLabClassroom,
  instructionalRounds,
};

/**
 * The starter library: published version 1 of each, on every device and server,
 * never synced. A school edits one by making version 2 of it.
 */
export const builtinProtocols: readonly Protocol[] = [
  blastEmpoweredLearning,
  equitableLearning,
  socialEmotionalLearning,
  peerObservationLabClassroom,
  instructionalRounds,
];

const byKey = new Map(builtinProtocols.map((p) => [protocolKey(p.id, p.version), p]));

export function findBuiltinProtocol(id: string, version: number): Protocol | undefined {
  return byKey.get(protocolKey(id, version));
}

/** The tags every school starts with; schools add their own freely. */
export const profileOfTheGraduate = [
  'Self-Actualized',
  'Empathetic',
  'Creative Thinker',
  'Collaborative',
  'Culturally Conscious',
  'Intellectually Curious',
] as const;
export const strategicAreas = ['Equitable', 'Empowered', 'Social-Emotional Learning'] as const;
export const suggestedTags: readonly string[] = [...profileOfTheGraduate, ...strategicAreas];
