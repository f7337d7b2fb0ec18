// The hub's screens: sign in, then the register across units, the period report and the units
// table (with keys for the admin). Vietnamese only; keyboard reachable (real links and buttons).
import { useEffect, useState } from 'react';
import type { HubUser } from '../../src/api-types';
import { ApiError, get, post } from './api';
import { Login } from './Login';
import { RegisterScreen } from './RegisterScreen';
import { ReportScreen } from './ReportScreen';
import { UnitsScreen } from './UnitsScreen';

type Tab = 'register' | 'report' | 'units';
const TABS: { id: Tab; label: string }[] = [
  { id: 'register', label: 'Sổ theo dõi kiến nghị' },
  { id: 'report', label: 'Báo cáo theo kỳ' },
  { id: 'units', label: 'Đơn vị' },
];

export function App() {
  const [user, setUser] = useState<HubUser | null | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('register');
  const [unitFilter, setUnitFilter] = useState<number | undefined>(undefined);

  useEffect(() => {
    get<HubUser>('/api/me').then(setUser, (e: unknown) => setUser(e instanceof ApiError && e.status === 401 ? null : null));
  }, []);

  if (user === undefined) return <p className="hub-loading">Đang mở…</p>;
  if (user === null) return <Login onIn={setUser} />;

  return (
    <div className="hub">
      <header className="hub-head">
        <h1>Theo dõi kiến nghị toàn tỉnh</h1>
        <nav aria-label="Màn hình">
          {TABS.map((t) => (
            <button key={t.id} type="button" aria-current={tab === t.id ? 'page' : undefined} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </nav>
        <span className="hub-user">
          {user.displayName || user.username} ({user.role === 'admin' ? 'quản trị' : 'cán bộ tỉnh'}){' '}
          <button type="button" onClick={() => void post('/api/logout', {}).then(() => setUser(null))}>
            Đăng xuất
          </button>
        </span>
      </header>
      <main>
        {tab === 'register' && <RegisterScreen unitId={unitFilter} onUnit={setUnitFilter} />}
        {tab === 'report' && <ReportScreen />}
        {tab === 'units' && (
          <UnitsScreen
            admin={user.role === 'admin'}
            onOpenUnit={(id) => {
              setUnitFilter(id);
              setTab('register');
            }}
          />
        )}
      </main>
    </div>
  );
}
