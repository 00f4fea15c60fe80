import { lazyPage } from '../../components/lazy-page';

/**
 * Route-split entry points of the results pages and the instructional resource editor: their code
 * (and ECharts, loaded later by the charts) stays out of the initial bundle.
 */
export const GroupResultsPage = lazyPage(() => import('./results-page').then((m) => m.GroupResultsPage));
export const MyGroupResultsPage = lazyPage(() => import('./results-page').then((m) => m.MyGroupResultsPage));
export const SchoolResultsPage = lazyPage(() => import('./results-page').then((m) => m.SchoolResultsPage));
export const InstructionalResourcesPage = lazyPage(() =>
  import('../instructional-resources/instructional-resources-page').then((m) => m.InstructionalResourcesPage),
);
