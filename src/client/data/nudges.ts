import { STARTER_NUDGES, type NudgeList } from '../../shared/evidence/nudges';

/**
 * The judgement words a note is checked against on this device. Every school starts
 * from the starter list (the same list the starter protocols' guidance names).
 */
export function useNudgeList(): NudgeList {
  return STARTER_NUDGES;
}
