/**
 * On a kiosk tablet, a form left half-filled (the person walked away) is cleared after a while,
 * so the next person does not find someone else's answers.
 */
export function watchIdle(form: HTMLFormElement, idleMs: number, now: () => number = Date.now): () => void {
  let dirty = false;
  let last = now();
  const touch = () => {
    dirty = true;
    last = now();
  };
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  const timer = setInterval(
    () => {
      if (dirty && now() - last >= idleMs) {
        form.reset();
        dirty = false;
        window.scrollTo(0, 0);
      }
    },
    Math.min(5000, idleMs),
  );
  return () => clearInterval(timer);
}
