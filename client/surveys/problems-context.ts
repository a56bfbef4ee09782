import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Problem } from './surveys-types';

/** The saved draft's problems, read by each field of the designer to show its own. */
export const ProblemsContext = createContext<readonly Problem[]>([]);
export const useProblems = () => useContext(ProblemsContext);
