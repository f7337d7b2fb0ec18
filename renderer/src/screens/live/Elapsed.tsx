import { memo, useEffect, useState } from 'react';

/** Ticks once a second on its own, so the rest of the screen does not re-render with it. */
export const Elapsed = memo(function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [since]);
  const s = Math.max(0, Math.floor((now - since) / 1000));
  const mm = Math.floor(s / 60);
  return (
    <span className="elapsed" data-testid="elapsed" title="Thời gian từ khi bắt đầu ghi mục này">
      ⏱ {String(mm).padStart(2, '0')}:{String(s % 60).padStart(2, '0')}
    </span>
  );
});
