import type { ReactNode } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button } from 'react-aria-components';
import { strings } from './strings';

const s = strings.sortable;

/** Moves the item at <paramref>from</paramref> to <paramref>to</paramref> in a copy of the list. */
export function movedTo<T>(items: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) {
    return items;
  }
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

/**
 * A list whose items are reordered by dragging their handle (pointer), by the handle with the keyboard (Space picks up,
 * arrows move, Space drops, Escape cancels; each step announced), or by the Move up and Move down buttons every item
 * also has. dnd-kit does the dragging, with its screen-reader announcements in the studio's words.
 */
export function SortableList<T>({
  items,
  idOf,
  nameOf,
  onReorder,
  shown,
  children,
}: {
  items: T[];
  /** Stable across edits and moves, unique in the list. */
  idOf: (item: T, index: number) => string;
  /** How an item is named in the announcements and on its handle ("section 2"). */
  nameOf: (index: number) => string;
  onReorder: (items: T[]) => void;
  /** How many of the first items to show while a large list appears a few at a time; all when absent. */
  shown?: number;
  children: (item: T, index: number, handle: ReactNode) => ReactNode;
}) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = items.map(idOf);
  const position = (id: UniqueIdentifier) => ids.indexOf(String(id));
  const announcements: Announcements = {
    onDragStart: ({ active }) => s.picked(nameOf(position(active.id)), position(active.id) + 1, ids.length),
    // Over itself (right after picking up) says nothing, so the pick-up is what is heard.
    onDragOver: ({ active, over }) => (!over ? s.outside : over.id === active.id ? undefined : s.over(nameOf(position(active.id)), position(over.id) + 1, ids.length)),
    onDragEnd: ({ active, over }) => (over ? s.dropped(nameOf(position(active.id)), position(over.id) + 1, ids.length) : s.cancelled),
    onDragCancel: () => s.cancelled,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) {
      onReorder(movedTo(items, position(active.id), position(over.id)));
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      // Measured throughout a drag, not only when it starts: the form below may still be appearing (stages, Markdown
      // editors replacing their placeholders), and positions measured before that would send an item to the wrong place.
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: s.instructions } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {(shown === undefined ? items : items.slice(0, shown)).map((item, index) => (
          <SortableItem key={ids[index]} id={ids[index] as string} handleLabel={s.handle(nameOf(index))}>
            {(handle) => children(item, index, handle)}
          </SortableItem>
        ))}
      </SortableContext>
    </DndContext>
  );
}

function SortableItem({ id, handleLabel, children }: { id: string; handleLabel: string; children: (handle: ReactNode) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    // dnd-kit's listeners go on a plain button: it needs the native pointer and key events that React Aria's Button
    // normalises away. The button is still reachable by Tab and named for what it moves.
    <button type="button" ref={setActivatorNodeRef} className="drag-handle" {...attributes} {...listeners} aria-label={handleLabel}>
      <span aria-hidden="true">⠿</span>
    </button>
  );
  return (
    <div ref={setNodeRef} className={`sortable${isDragging ? ' dragging' : ''}`} style={{ transform: CSS.Translate.toString(transform), transition }}>
      {children(handle)}
    </div>
  );
}

/**
 * The Move up / Move down pair for an item, for those who prefer buttons to dragging; compact ones show arrows and keep
 * their words for screen readers (and for finding them by name).
 */
export function MoveButtons({
  index,
  count,
  upLabel,
  downLabel,
  onMove,
  compact,
}: {
  index: number;
  count: number;
  upLabel: string;
  downLabel: string;
  onMove: (from: number, to: number) => void;
  compact?: boolean;
}) {
  return (
    <>
      <Button className={`button secondary${compact ? ' icon' : ''}`} isDisabled={index === 0} onPress={() => onMove(index, index - 1)}>
        {compact ? <IconLabel glyph="↑" label={upLabel} /> : upLabel}
      </Button>
      <Button className={`button secondary${compact ? ' icon' : ''}`} isDisabled={index === count - 1} onPress={() => onMove(index, index + 1)}>
        {compact ? <IconLabel glyph="↓" label={downLabel} /> : downLabel}
      </Button>
    </>
  );
}

/** A glyph for the eye and the words for everyone else. */
export function IconLabel({ glyph, label }: { glyph: string; label: string }) {
  return (
    <>
      <span aria-hidden="true">{glyph}</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}
