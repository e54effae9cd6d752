// Leaves the tab as the studio leaves it after signing in with a key: the key and the caller the server named for it
// in sessionStorage, so the measured navigation is a reload of a signed-in tab. The page must be a same-origin one
// that loads none of the studio's assets (its settings.json), so that navigation still starts with an empty cache.
export async function signInTab(page, apiKey) {
  const response = await fetch(new URL('/graphql', page.url()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
    body: JSON.stringify({ query: '{ me { name role } }' }),
  });
  const { data } = await response.json();
  if (!data?.me?.role) {
    throw new Error('the key was not accepted');
  }
  const caller = JSON.stringify({ name: data.me.name, role: data.me.role });
  await page.evaluate(
    (key, signedIn) => {
      sessionStorage.setItem('cms-studio-api-key', key);
      sessionStorage.setItem('cms-studio-caller', signedIn);
    },
    apiKey,
    caller,
  );
}
