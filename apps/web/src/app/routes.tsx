import type { ReactNode } from 'react';
import { HomePage } from '../pages/home/home-page';

/**
 * Every screen of the app, one line each (cers-features.md §8 route map). Add a route by adding a
 * line here; keep page components under src/pages/<route>/.
 */
export type AppRoute = { path: string; element: ReactNode };

export const ROUTES: AppRoute[] = [{ path: '/', element: <HomePage /> }];
