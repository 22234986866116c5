// The typed translation hook for components: reads the request's language from the root
// loader and translates keys from the bundled catalogues.
import { useRouteLoaderData } from 'react-router';
import { DEFAULT_LANGUAGE, translate, type Language, type MessageKey, type MessageParams } from '../../locales/index.ts';

export type TFunction = (key: MessageKey | (string & {}), params?: MessageParams) => string;

export function useLanguage(): Language {
  const data = useRouteLoaderData('root') as { language?: Language } | undefined;
  return data?.language ?? DEFAULT_LANGUAGE;
}

export function useT(): TFunction {
  const language = useLanguage();
  return (key, params) => translate(language, key, params);
}
