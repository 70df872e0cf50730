import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** Strings of the app shell itself (navigation, sign-in, the page of an unknown address). */
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
    notFound: {
      status: 'ERROR 404: PAGE NOT FOUND',
      title: 'There is no page at this address.',
      goBack: 'Go back',
      catalog: 'Open the catalog',
    },
  },
});
