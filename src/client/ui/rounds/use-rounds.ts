import { roundStoreOf } from '../../data/round-store';
import { useServices } from '../app-context';

/** The store and its round functions, for the rounds screens. */
export function useRoundServices() {
  const services = useServices();
  return { ...services, rounds: roundStoreOf(services.store) };
}
