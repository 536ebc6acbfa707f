export { CaptureScreen } from './CaptureScreen';
export { StartObservation } from './StartObservation';
