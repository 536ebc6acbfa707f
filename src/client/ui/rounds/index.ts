import './rounds.css';
export { RoundList } from './RoundList';
export { RoundPlanner } from './RoundPlanner';
export { RoundWalk } from './RoundWalk';
export { RoundScreens } from './RoundScreens';
