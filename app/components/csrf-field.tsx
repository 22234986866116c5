// Hidden CSRF field for every state-changing form.
import { useRouteLoaderData } from 'react-router';

export function CsrfField() {
  const data = useRouteLoaderData('root') as { csrfToken?: string } | undefined;
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ''} />;
}
