import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { Link } from 'wouter';
import { formatActor } from './format';
import { strings } from './strings';
import type { Caller } from './caller';

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
