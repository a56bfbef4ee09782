import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../app/i18n';
import { useLang } from '../app/lang-context';
import { fill } from './fill';

export interface RowControls {
  /** The drag handle and the up / down buttons, for the row's header. */
  handle: ComponentChildren;
  index: number;
  count: number;
}

interface Props<T> {
  items: readonly T[];
  idOf: (item: T) => string;
  /** What the announcement calls the item ("Câu 2: Thái độ…"). */
  nameOf: (item: T) => string;
  onMove: (id: string, to: number) => void;
  announce: (text: string) => void;
  class?: string;
  testid?: string;
  children: (item: T, controls: RowControls) => ComponentChildren;
}

/**
 * A list whose rows are reordered three ways: dragging the handle (HTML5 drag and drop, on a
 * mouse), the up / down buttons (touch and keyboard), or Alt + ↑ / ↓ anywhere in a row. Each move
 * is announced in words to the page's live region, and the focus stays on what had it. Rows only
 * take drops from their own list: a question cannot be dropped among factors.
 */
export function ReorderList<T>({ items, idOf, nameOf, onMove, announce, class: className, testid, children }: Props<T>) {
  const { lang } = useLang();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const refocus = useRef<HTMLElement | null>(null);

  // A moved row is taken out and put back in the document, which loses its focus: give it back.
  useEffect(() => {
    if (refocus.current && document.activeElement !== refocus.current) refocus.current.focus();
    refocus.current = null;
  });

  const move = (item: T, to: number, focus: HTMLElement | null) => {
    const from = items.indexOf(item);
    const target = Math.max(0, Math.min(items.length - 1, to));
    if (from === target) return;
    refocus.current = focus;
    onMove(idOf(item), target);
    announce(fill(lang, 'svMoved', { x: nameOf(item), i: target + 1, n: items.length }));
  };

  return (
    <ol class={`reorder-list ${className ?? ''}`} data-testid={testid}>
      {items.map((item, index) => {
        const id = idOf(item);
        const onKeyDown = (e: KeyboardEvent) => {
          if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          if (e.target instanceof HTMLSelectElement) return; // Alt + ↓ opens a select's list
          e.preventDefault();
          e.stopPropagation(); // the row of a question inside a factor's row moves the question only
          move(item, index + (e.key === 'ArrowUp' ? -1 : 1), document.activeElement as HTMLElement | null);
        };
        const button = (delta: -1 | 1) => (
          <button
            type="button"
            class="small icon-button"
            data-reorder={delta < 0 ? 'up' : 'down'}
            disabled={delta < 0 ? index === 0 : index === items.length - 1}
            aria-label={`${t(lang, delta < 0 ? 'svMoveUp' : 'svMoveDown')}: ${nameOf(item)}`}
            title={t(lang, delta < 0 ? 'svMoveUp' : 'svMoveDown')}
            onClick={(e) => {
              // At the end of the list the button is disabled: the focus goes to its twin.
              const row = (e.currentTarget as HTMLElement).closest('li');
              const atEnd = delta < 0 ? index === 1 : index === items.length - 2;
              const twin = row?.querySelector<HTMLElement>(`[data-reorder="${delta < 0 ? 'down' : 'up'}"]`) ?? null;
              move(item, index + delta, atEnd ? twin : (e.currentTarget as HTMLElement));
            }}
          >
            {delta < 0 ? '↑' : '↓'}
          </button>
        );
        const handle = (
          <span class="reorder-controls">
            <span
              class="drag-handle"
              draggable
              title={t(lang, 'svDragHandle')}
              aria-hidden="true"
              onDragStart={(e) => {
                e.stopPropagation();
                setDragging(id);
                e.dataTransfer?.setData('text/plain', id);
                if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                const row = (e.currentTarget as HTMLElement).closest('li');
                if (row && e.dataTransfer) e.dataTransfer.setDragImage(row, 16, 16);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
            >
              ⠿
            </span>
            {button(-1)}
            {button(1)}
          </span>
        );
        return (
          <li
            key={id}
            class={`reorder-row${dragging === id ? ' dragging' : ''}${over === index && dragging !== id ? ' drop-here' : ''}`}
            data-row-id={id}
            onKeyDown={onKeyDown}
            onDragOver={(e) => {
              if (dragging === null) return; // not this list's row: let the list around it decide
              e.preventDefault();
              e.stopPropagation();
              if (over !== index) setOver(index);
            }}
            onDrop={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              e.stopPropagation();
              const moved = items.find((x) => idOf(x) === dragging);
              setDragging(null);
              setOver(null);
              if (moved) move(moved, index, null);
            }}
          >
            {children(item, { handle, index, count: items.length })}
          </li>
        );
      })}
    </ol>
  );
}
