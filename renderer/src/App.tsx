import { SaveIndicator } from './components/SaveIndicator';
import { useRoute, href } from './lib/router';
import { HomeScreen } from './screens/HomeScreen';
import { MeetingScreen } from './screens/MeetingScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { HelpScreen } from './screens/HelpScreen';
import { BackupsScreen } from './screens/BackupsScreen';
import { RecoveryGate } from './screens/RecoveryScreen';
import { FirstRunGate } from './screens/setup/FirstRunGate';
import { RegisterScreen } from './screens/register/RegisterScreen';

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={href({ name: 'home' })}>
          Thư ký Hội nghị
        </a>
        <nav className="topnav" aria-label="Chính">
          <a href={href({ name: 'home' })} aria-current={route.name === 'home' ? 'page' : undefined}>
            Trang chủ
          </a>
          <a href={href({ name: 'register', params: '' })} aria-current={route.name === 'register' ? 'page' : undefined} data-testid="nav-register">
            Theo dõi kiến nghị
          </a>
          <a href={href({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            Thiết lập
          </a>
          <a href={href({ name: 'backups' })} aria-current={route.name === 'backups' ? 'page' : undefined}>
            Sao lưu
          </a>
          <a href={href({ name: 'help' })} aria-current={route.name === 'help' ? 'page' : undefined}>
            Hướng dẫn
          </a>
        </nav>
        <SaveIndicator />
      </header>
      <main className="content">
        <RecoveryGate>
          <FirstRunGate route={route.name}>
            {route.name === 'home' ? <HomeScreen /> : null}
            {route.name === 'settings' ? <SettingsScreen /> : null}
            {route.name === 'help' ? <HelpScreen /> : null}
            {route.name === 'backups' ? <BackupsScreen /> : null}
            {route.name === 'register' ? <RegisterScreen params={route.params} /> : null}
            {route.name === 'meeting' ? <MeetingScreen key={route.id} id={route.id} tab={route.tab} /> : null}
          </FirstRunGate>
        </RecoveryGate>
      </main>
    </div>
  );
}
