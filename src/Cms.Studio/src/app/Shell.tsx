import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'wouter';
import { formatActor } from './format';
import { strings } from './strings';
import { hasRole, type Caller } from './caller';

/**
 * The bar and main region every page has, signed in or not; index.html paints the same bar before any script runs,
 * so the first paint is early and nothing moves when React takes over.
 */
export function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="shell-header">
        <span className="shell-brand">{strings.appName}</span>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The frame around every screen: skip link, the sections, who is signed in with which role, and sign-out. */
export function Shell({ caller, onSignOut, children }: { caller: Caller; onSignOut: () => void; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        {strings.skipToContent}
      </a>
      <header className="shell-header">
        <span className="shell-brand">{strings.appName}</span>
        <nav aria-label={strings.shell.nav}>
          <Link href="/articles" className={(active: boolean) => (active ? 'nav-link active' : 'nav-link')}>
            {strings.shell.articles}
          </Link>
          <Link href="/media" className={(active: boolean) => (active ? 'nav-link active' : 'nav-link')}>
            {strings.shell.media}
          </Link>
          {/* Admin screens only for the admin role; the server refuses their queries to anyone else. */}
          {hasRole(caller, 'ADMIN') && (
            <>
              <Link href="/admin/keys" className={(active: boolean) => (active ? 'nav-link active' : 'nav-link')}>
                {strings.shell.apiKeys}
              </Link>
              <Link href="/admin/webhooks" className={(active: boolean) => (active ? 'nav-link active' : 'nav-link')}>
                {strings.shell.webhooks}
              </Link>
            </>
          )}
        </nav>
        <span className="shell-caller" data-testid="caller">
          {strings.shell.signedInAs(formatActor(caller.name), strings.roles[caller.role] ?? caller.role)}
        </span>
        <Button className="button secondary" onPress={onSignOut}>
          {strings.shell.signOut}
        </Button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
