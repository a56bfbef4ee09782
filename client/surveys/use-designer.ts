import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import type { LocalizedText } from '../app/api-types';
import { LOGIN_PATH } from '../app/links';
import { navigate } from '../app/router';
import { messageOf } from '../app/use-api';
import { draftFromDefinition, draftToDefinition } from './draft-json';
import type { Draft } from './draft-model';
import { saveDraft } from './surveys-api';
import type { SurveyDraftState } from './surveys-types';

/**
 * The designer's working draft and its saved state: edits change the working copy; "save" sends
 * it and takes back the server's problems. An edit made while a save is on its way keeps the
 * draft marked unsaved.
 */
export function useDesigner(surveyKey: string, saved: SurveyDraftState | null) {
  const [draft, setDraftState] = useState<Draft | null>(() => (saved ? draftFromDefinition(saved.definition) : null));
  const [state, setState] = useState<SurveyDraftState | null>(saved);
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | null>(null);
  const editsRef = useRef(0);

  // A new draft from the server (another version opened for editing, a reload) replaces the working copy.
  useEffect(() => {
    setDraftState(saved ? draftFromDefinition(saved.definition) : null);
    setState(saved);
    editsRef.current = 0;
    setEdits(0);
    setSavedEdits(0);
  }, [saved]);

  const dirty = edits !== savedEdits;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setDraft = (next: Draft) => {
    setDraftState(next);
    editsRef.current += 1;
    setEdits(editsRef.current);
  };

  const save = async (): Promise<boolean> => {
    if (!draft) return false;
    const at = editsRef.current;
    setBusy(true);
    setError(null);
    try {
      const res = await saveDraft(surveyKey, draftToDefinition(draft));
      setState(res.draft);
      setSavedEdits(at);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) navigate(LOGIN_PATH, { replace: true });
      else setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Problems found on publishing (the same paths), shown like a save's. */
  const showProblems = (problems: SurveyDraftState['problems']) => setState((s) => (s ? { ...s, problems } : s));

  return { draft, setDraft, state, dirty, busy, error, save, showProblems };
}
