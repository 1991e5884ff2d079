import { AppProvider } from '@/app/provider';
import { AppRouter } from '@/app/router';
import '@/styles/index.css';

export function App() {
  return (
    <AppProvider>
      <AppRouter />
    </AppProvider>
  );
}
