// Drag-and-drop reordering of roster rows: which row is dragged, where it would land, and the
// handlers that end in `move`.
import { useState, type DragEvent } from 'react';

export function useRosterDrag(move: (id: number, to: number) => Promise<void>) {
  const [dragId, setDragId] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const rowClass = (id: number, index: number) => `${dragId === id ? 'dragging' : ''} ${dropAt === index && dragId !== id ? 'drop-target' : ''}`;

  const onDragOver = (e: DragEvent, index: number) => {
    if (dragId === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setDropAt(index);
  };

  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const id = dragId ?? Number(e.dataTransfer.getData('text/plain'));
    setDragId(null);
    setDropAt(null);
    if (id) void move(id, index);
  };

  const onDragStart = (e: DragEvent, id: number) => {
    setDragId(id);
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', String(id));
  };

  const onDragEnd = () => {
    setDragId(null);
    setDropAt(null);
  };

  return { rowClass, onDragOver, onDrop, onDragStart, onDragEnd };
}
