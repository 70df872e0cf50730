import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** Strings of the app shell itself (navigation, sign-in). */
export const appTranslationRef = createTranslationRef({
  id: 'diehard-app',
  messages: {
    nav: {
      catalog: 'Catalog',
      catalogGraph: 'Catalog graph',
      create: 'Create...',
      register: 'Register',
      search: 'Search',
      menu: 'Menu',
      settings: 'Settings',
      haPosture: 'HA posture',
      handoffReviews: 'Handoff reviews',
      notifications: 'Notifications',
    },
    signIn: {
      companyTitle: 'Company sign-in',
      companyMessage: 'Sign in with your company account',
    },
  },
});
