import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { notFoundModule } from './modules/notFound';
import { signInModule } from './modules/signIn';
import { translationsModule } from './modules/translations';

export default createApp({
  features: [navModule, notFoundModule, signInModule, translationsModule],
});
