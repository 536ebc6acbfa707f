import './visits.css';
export { VisitsScreens } from './VisitsScreens';
