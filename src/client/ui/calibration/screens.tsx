import { CalibrationScreen } from './CalibrationScreen';
import { PairScreen } from './PairScreen';
import { PartnersScreen } from './PartnersScreen';

/**
 * The calibration screens, one chunk: `#/rounds/:id/calibration` (a round's team),
 * `#/calibration` (my calibration partners) and `#/calibration/:partnerId` (how we agreed).
 */
export function CalibrationScreens(props: { roundId?: string; partnerId?: string | undefined }) {
  if (props.roundId) return <CalibrationScreen roundId={props.roundId} />;
  return props.partnerId ? <PairScreen partnerId={props.partnerId} /> : <PartnersScreen />;
}
