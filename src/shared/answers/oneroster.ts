// The OneRoster import's answers: their schemas live beside the plan they carry.
export { RosterDryRun, RosterImported, RosterPlan } from '../oneroster/plan-schema';
