import { authApi } from './api.js';
import { navigate } from './router.js';

/** Ends the session on the server, forgets it here, and returns to the home page as anonymous. */
export async function signOutAndGoHome() {
  try {
    await authApi.signOut();
  } finally {
    navigate('/');
  }
}
