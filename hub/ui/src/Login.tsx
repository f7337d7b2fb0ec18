import { useState, type FormEvent } from 'react';
import type { HubUser } from '../../src/api-types';
import { post } from './api';

export function Login({ onIn }: { onIn: (u: HubUser) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    post<{ user: HubUser }>('/api/login', { username, password }).then(
      (r) => onIn(r.user),
      (err: unknown) => {
        setError(err instanceof Error ? err.message : 'Không đăng nhập được.');
        setBusy(false);
      },
    );
  };
  return (
    <form className="hub-login" onSubmit={submit}>
      <h1>Theo dõi kiến nghị toàn tỉnh</h1>
      <label>
        Tên đăng nhập
        <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        Mật khẩu
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && <p role="alert" className="hub-error">{error}</p>}
      <button type="submit" disabled={busy || !username || !password}>
        Đăng nhập
      </button>
    </form>
  );
}
