import type { Observation } from '../observation';
import { allLookFors, type Protocol, type ProtocolKind, type ResponseKind } from '../protocol';
import { isAnswered, type ResponseValue } from '../response';
import { resultsOfKind } from '../response-kinds/registry';

/** Protocol kinds whose observations are aggregated. Peer and coaching notes never are. */
export const aggregatedKinds: readonly ProtocolKind[] = [
  'blast_walkthrough',
  'instructional_rounds',
];

export interface AnswerFact {
  answer: 'seen' | 'not_seen' | 'na' | 'level' | 'count' | 'quote' | 'choice' | 'text';
  seen: 0 | 1;
  notSeen: 0 | 1;
  na: 0 | 1;
  levelId: string | null;
  tally: number | null;
  quote: string | null;
}

/** What one answer counts as, or null when the look-for was left blank or does not fit. */
export function answerFact(
  kind: ResponseKind,
  value: ResponseValue | undefined,
): AnswerFact | null {
  if (value === undefined || !isAnswered(value)) return null;
  return resultsOfKind(kind).fact(value);
}

export interface VisitFact {
  observationId: string;
  schoolId: string;
  roundId: string | null;
  protocolId: string;
  protocolVersion: number;
  gradeBand: string;
  subject: string;
  observedOn: string;
  notes: string;
}

/**
 * The facts of a finished walkthrough observation: the visit, and one fact per
 * answered look-for of its protocol version. Null when it is not aggregated (a
 * draft, or a peer-observation or coaching protocol). Observer and room are left out.
 */
export function observationFacts(
  o: Observation,
  protocol: Protocol,
): { visit: VisitFact; answers: Array<AnswerFact & { lookForId: string }> } | null {
  if (o.status !== 'complete' || !aggregatedKinds.includes(protocol.kind)) return null;
  const answers = allLookFors(protocol).flatMap((lookFor) => {
    const fact = answerFact(lookFor.response.kind, o.responses[lookFor.id]);
    return fact ? [{ ...fact, lookForId: lookFor.id }] : [];
  });
  return {
    visit: {
      observationId: o.id,
      schoolId: o.schoolId,
      roundId: o.roundId ?? null,
      protocolId: o.protocolId,
      protocolVersion: o.protocolVersion,
      gradeBand: o.gradeBand,
      subject: o.subject,
      observedOn: o.startedAt.slice(0, 10),
      notes: o.notes.trim(),
    },
    answers,
  };
}
