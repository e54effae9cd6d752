import { lazy, startTransition, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { Route, Router, Switch, Redirect } from 'wouter';
import { createStudioClient } from './client';
import { CredentialsContext, type Credentials } from './credentials';
import { Shell } from './Shell';
import { SignIn } from '../screens/SignIn';
import { CallerContext, type Caller } from './caller';
import { ArticleList } from '../screens/ArticleList';
import { strings } from './strings';
import { rememberCaller, resumedKeySession } from './session';
import { whoIs } from './whoIs';

// Each screen's code loads when first opened, so the first screen ships only the list.
// (Most specific address first: the start-up loading takes the first that matches.)
const screens = {
  newArticle: () => import('../screens/NewArticle'),
  history: () => import('../screens/History'),
  editor: () => import('../screens/EditArticle'),
  mediaLibrary: () => import('../media/MediaLibrary'),
  mediaAsset: () => import('../media/MediaAssetScreen'),
  apiKeys: () => import('../admin/ApiKeys'),
  webhooks: () => import('../admin/Webhooks'),
};
const EditArticle = lazy(screens.editor);
const History = lazy(screens.history);
const NewArticle = lazy(screens.newArticle);
const MediaLibrary = lazy(screens.mediaLibrary);
const MediaAssetScreen = lazy(screens.mediaAsset);
const ApiKeys = lazy(screens.apiKeys);
const Webhooks = lazy(screens.webhooks);

// The screens' addresses, under /studio; the routes below and the start-up loading use the same ones.
const paths = {
  articles: '/articles',
  newArticle: '/articles/new',
  history: '/articles/:id/history',
  editor: '/articles/:id',
  mediaLibrary: '/media',
  mediaAsset: '/media/:id',
  apiKeys: '/admin/keys',
  webhooks: '/admin/webhooks',
} as const;

// Opened at a screen's address (a link, a reload), its code starts loading now, alongside sign-in, rather than after it.
const startPath = window.location.pathname.replace(/^\/studio/, '');
const startScreen = (Object.keys(screens) as (keyof typeof screens)[]).find((name) =>
  new RegExp(`^${paths[name].replace(/:[a-z]+/g, '[^/]+')}$`).test(startPath),
);
if (startScreen) {
  void screens[startScreen]();
}

/** A screen whose code loads when first opened, with a line saying so meanwhile. */
function Loading({ text, children }: { text: string; children: ReactNode }) {
  return <Suspense fallback={<p className="summary">{text}</p>}>{children}</Suspense>;
}

// The studio lives under /studio; wouter (a 2 KB router with hooks) keeps its routes relative to that base.
export function App() {
  // A reload in a tab signed in with a key starts signed in; the key is checked again alongside the screen's first query.
  const [session, setSession] = useState<{ credentials: Credentials; caller: Caller; resumed?: boolean } | null>(() => {
    const resumed = resumedKeySession();
    return resumed && { ...resumed, resumed: true };
  });
  const [signInProblem, setSignInProblem] = useState<string | null>(null);
  const credentials = session?.credentials ?? null;
  const client = useMemo(() => (credentials ? createStudioClient(credentials) : null), [credentials]);

  // The server has the last word on a resumed key: revoked or expired meanwhile, the studio signs out and says why; a
  // changed role is shown from now on.
  const resumedCredentials = session?.resumed ? session.credentials : null;
  useEffect(() => {
    if (!resumedCredentials) {
      return undefined;
    }
    let current = true;
    void whoIs(resumedCredentials).then((check) => {
      if (!current) {
        return;
      }
      if ('caller' in check) {
        rememberCaller(check.caller);
        setSession((now) => (now?.credentials === resumedCredentials && (now.caller.name !== check.caller.name || now.caller.role !== check.caller.role) ? { ...now, caller: check.caller } : now));
      } else if (check.problem !== 'unreachable') {
        void resumedCredentials.signOut();
        setSignInProblem(strings.signIn[check.problem]);
        setSession(null);
      }
    });
    return () => {
      current = false;
    };
  }, [resumedCredentials]);

  if (!session || !client) {
    // The signed-in studio mounts as a transition, so React renders it in slices between which the browser can paint and
    // handle input, instead of one long task.
    return (
      <SignIn
        problem={signInProblem}
        onSignedIn={(signedIn, caller) =>
          startTransition(() => {
            setSignInProblem(null);
            setSession({ credentials: signedIn, caller });
          })
        }
      />
    );
  }

  return (
    <Provider value={client}>
      <CredentialsContext.Provider value={session.credentials}>
        <CallerContext.Provider value={session.caller}>
          <Router base="/studio">
            <Shell
              caller={session.caller}
              onSignOut={() => {
                void session.credentials.signOut();
                setSession(null);
              }}
            >
              <Switch>
                <Route path={paths.articles}>
                  <ArticleList />
                </Route>
                <Route path={paths.newArticle}>
                  <Loading text={strings.editor.loading}>
                    <NewArticle />
                  </Loading>
                </Route>
                <Route path={paths.history}>
                  {(params) => (
                    <Loading text={strings.history.loading}>
                      <History id={decodeURIComponent(params.id)} />
                    </Loading>
                  )}
                </Route>
                <Route path={paths.editor}>
                  {(params) => (
                    <Loading text={strings.editor.loading}>
                      <EditArticle key={params.id} id={decodeURIComponent(params.id)} />
                    </Loading>
                  )}
                </Route>
                <Route path={paths.mediaLibrary}>
                  <Loading text={strings.media.loading}>
                    <MediaLibrary />
                  </Loading>
                </Route>
                <Route path={paths.mediaAsset}>
                  {(params) => (
                    <Loading text={strings.media.loading}>
                      <MediaAssetScreen key={params.id} id={decodeURIComponent(params.id)} />
                    </Loading>
                  )}
                </Route>
                <Route path={paths.apiKeys}>
                  <Loading text={strings.editor.loading}>
                    <ApiKeys />
                  </Loading>
                </Route>
                <Route path={paths.webhooks}>
                  <Loading text={strings.editor.loading}>
                    <Webhooks />
                  </Loading>
                </Route>
                <Route>
                  <Redirect to="/articles" replace />
                </Route>
              </Switch>
            </Shell>
          </Router>
        </CallerContext.Provider>
      </CredentialsContext.Provider>
    </Provider>
  );
}
