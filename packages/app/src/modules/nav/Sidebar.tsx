import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { SidebarLogo } from './SidebarLogo';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { appTranslationRef } from '../translations/appTranslationRef';

const navTitleKeys = {
  'page:catalog': 'nav.catalog',
  'page:catalog-graph': 'nav.catalogGraph',
  'page:scaffolder': 'nav.create',
  'page:catalog-import': 'nav.register',
  'page:search': 'nav.search',
  'page:user-settings': 'nav.settings',
  'page:ha-posture': 'nav.haPosture',
  'page:handoff-review': 'nav.handoffReviews',
  'page:notifications': 'nav.notifications',
} as const;

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      // eslint-disable-next-line react-hooks/rules-of-hooks
      const { t } = useTranslationRef(appTranslationRef);
      const nav = navItems.withComponent(item => {
        const key =
          navTitleKeys[item.node.spec.id as keyof typeof navTitleKeys];
        return (
          <SidebarItem
            icon={() => item.icon}
            to={item.href}
            text={key ? t(key) : item.title}
          />
        );
      });

      nav.take('page:search'); // the search modal below replaces the page link

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup
            label={t('nav.search')}
            icon={<SearchIcon />}
            to="/search"
          >
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label={t('nav.menu')} icon={<MenuIcon />}>
            {nav.take('page:catalog')}
            {nav.take('page:scaffolder')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <SidebarGroup
            label={t('nav.settings')}
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
