import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './layout';
import { ROUTES } from './routes';

// WCAG 2.1 AA (axe in e2e): Mantine's default shade 6 gives 3.5:1 on white; shade 8 passes 4.5:1 for
// filled buttons, light/subtle variants and links. Dimmed and error text get darker shades too.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'sm' });
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-8)' },
  dark: {},
});
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000, refetchOnWindowFocus: false } } });

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Layout>
            <Routes>
              {ROUTES.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Routes>
          </Layout>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
