export { VisitsScreens } from './VisitsScreens';
