import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { Route, Router, Switch, Redirect } from 'wouter';
import { createStudioClient } from './client';
import { CredentialsContext, type Credentials } from './credentials';
import { Shell } from './Shell';
import { SignIn } from '../screens/SignIn';
import { CallerContext, type Caller } from './caller';
import { ArticleList } from '../screens/ArticleList';
import { strings } from './strings';

// The editor loads when first opened, so the first screen ships only the list.
const EditArticle = lazy(() => import('../screens/EditArticle'));
const History = lazy(() => import('../screens/History'));
const NewArticle = lazy(() => import('../screens/NewArticle'));
const MediaLibrary = lazy(() => import('../media/MediaLibrary'));
const MediaAssetScreen = lazy(() => import('../media/MediaAssetScreen'));
const ApiKeys = lazy(() => import('../admin/ApiKeys'));
const Webhooks = lazy(() => import('../admin/Webhooks'));

/** A screen whose code loads when first opened, with a line saying so meanwhile. */
function Loading({ text, children }: { text: string; children: ReactNode }) {
  return <Suspense fallback={<p className="summary">{text}</p>}>{children}</Suspense>;
}

// The studio lives under /studio; wouter (a 2 KB router with hooks) keeps its routes relative to that base.
export function App() {
  const [session, setSession] = useState<{ credentials: Credentials; caller: Caller } | null>(null);
  const credentials = session?.credentials ?? null;
  const client = useMemo(() => (credentials ? createStudioClient(credentials) : null), [credentials]);

  if (!session || !client) {
    return <SignIn onSignedIn={(signedIn, caller) => setSession({ credentials: signedIn, caller })} />;
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
                <Route path="/articles">
                  <ArticleList />
                </Route>
                <Route path="/articles/new">
                  <Loading text={strings.editor.loading}>
                    <NewArticle />
                  </Loading>
                </Route>
                <Route path="/articles/:id/history">
                  {(params) => (
                    <Loading text={strings.history.loading}>
                      <History id={decodeURIComponent(params.id)} />
                    </Loading>
                  )}
                </Route>
                <Route path="/articles/:id">
                  {(params) => (
                    <Loading text={strings.editor.loading}>
                      <EditArticle key={params.id} id={decodeURIComponent(params.id)} />
                    </Loading>
                  )}
                </Route>
                <Route path="/media">
                  <Loading text={strings.media.loading}>
                    <MediaLibrary />
                  </Loading>
                </Route>
                <Route path="/media/:id">
                  {(params) => (
                    <Loading text={strings.media.loading}>
                      <MediaAssetScreen key={params.id} id={decodeURIComponent(params.id)} />
                    </Loading>
                  )}
                </Route>
                <Route path="/admin/keys">
                  <Loading text={strings.editor.loading}>
                    <ApiKeys />
                  </Loading>
                </Route>
                <Route path="/admin/webhooks">
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
