import { lazy, Suspense, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { Route, Router, Switch, Redirect } from 'wouter';
import { createStudioClient } from './client';
import { forgetKey, storedKey, storeKey } from './session';
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

// The studio lives under /studio; wouter (a 2 KB router with hooks) keeps its routes relative to that base.
export function App() {
  const [session, setSession] = useState<{ key: string; caller: Caller } | null>(null);
  const key = session?.key ?? null;
  const client = useMemo(() => (key ? createStudioClient(key) : null), [key]);

  if (!session || !client) {
    return (
      <SignIn
        initialKey={storedKey()}
        onSignedIn={(signedIn, caller) => {
          storeKey(signedIn);
          setSession({ key: signedIn, caller });
        }}
      />
    );
  }

  return (
    <Provider value={client}>
      <CallerContext.Provider value={session.caller}>
        <Router base="/studio">
          <Shell
            caller={session.caller}
            onSignOut={() => {
              forgetKey();
              setSession(null);
            }}
          >
            <Switch>
              <Route path="/articles">
                <ArticleList />
              </Route>
              <Route path="/articles/new">
                <Suspense fallback={<p className="summary">{strings.editor.loading}</p>}>
                  <NewArticle />
                </Suspense>
              </Route>
              <Route path="/articles/:id/history">
                {(params) => (
                  <Suspense fallback={<p className="summary">{strings.history.loading}</p>}>
                    <History id={decodeURIComponent(params.id)} />
                  </Suspense>
                )}
              </Route>
              <Route path="/articles/:id">
                {(params) => (
                  <Suspense fallback={<p className="summary">{strings.editor.loading}</p>}>
                    <EditArticle key={params.id} id={decodeURIComponent(params.id)} />
                  </Suspense>
                )}
              </Route>
              <Route path="/media">
                <Suspense fallback={<p className="summary">{strings.media.loading}</p>}>
                  <MediaLibrary />
                </Suspense>
              </Route>
              <Route path="/media/:id">
                {(params) => (
                  <Suspense fallback={<p className="summary">{strings.media.loading}</p>}>
                    <MediaAssetScreen key={params.id} id={decodeURIComponent(params.id)} />
                  </Suspense>
                )}
              </Route>
              <Route path="/admin/keys">
                <Suspense fallback={<p className="summary">{strings.editor.loading}</p>}>
                  <ApiKeys />
                </Suspense>
              </Route>
              <Route path="/admin/webhooks">
                <Suspense fallback={<p className="summary">{strings.editor.loading}</p>}>
                  <Webhooks />
                </Suspense>
              </Route>
              <Route>
                <Redirect to="/articles" replace />
              </Route>
            </Switch>
          </Shell>
        </Router>
      </CallerContext.Provider>
    </Provider>
  );
}
