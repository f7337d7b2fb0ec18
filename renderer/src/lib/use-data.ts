import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/shared/contract';
import { api } from './api';

export type Loaded<T> = { data: T | null; error: string | null; loading: boolean; reload: () => Promise<void> };

/** Loads one channel's answer, again whenever the input changes. Errors are messages, not exceptions. */
export function useData<C extends Channel>(channel: C, input: ChannelInput<C>): Loaded<ChannelOutput<C>> {
  const [data, setData] = useState<ChannelOutput<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    const r = await api.call(channel, JSON.parse(key) as ChannelInput<C>);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error.message);
    setLoading(false);
  }, [channel, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
