import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Store } from '../data/store';
import type { Scheduler } from '../sync/scheduler';
import type { SaveProblem } from './shell/save-problem';

export interface AppServices {
  store: Store;
  scheduler: Scheduler;
  now: () => Date;
  saveProblem: SaveProblem;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices needs an <AppContext.Provider>');
  return services;
}
