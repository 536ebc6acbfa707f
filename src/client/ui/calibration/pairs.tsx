import { PairScreen } from './PairScreen';
import { PartnersScreen } from './PartnersScreen';

/** `#/calibration`: my calibration partners; `#/calibration/:partnerId`: how we agreed. */
export function PairScreens({ partnerId }: { partnerId?: string | undefined }) {
  return partnerId ? <PairScreen partnerId={partnerId} /> : <PartnersScreen />;
}
