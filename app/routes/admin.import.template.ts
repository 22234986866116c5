// GET /admin/import/template/:format?lang= — the import template (xlsx or csv) in nn/nb/en.
import type { Route } from './+types/admin.import.template';
import { buildImportTemplate } from '../../core/import/build-import-template.ts';
import { can } from '../../core/shared/policy.ts';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { isLanguage } from '../../locales/index.ts';
import { getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const lang = new URL(request.url).searchParams.get('lang');
  const language = isLanguage(lang) ? lang : getSessionState(context).language;
  const template = await runForPage(context, async () => {
    if (!can(actor, 'import.run', { tenantId: actor.tenantId })) throw new AppError(AppErrorCode.FORBIDDEN);
    if (params.format !== 'xlsx' && params.format !== 'csv') throw new AppError(AppErrorCode.NOT_FOUND);
    return buildImportTemplate({ language, format: params.format });
  });
  return new Response(new Uint8Array(template.body), {
    headers: {
      'Content-Type': template.contentType,
      'Content-Disposition': `attachment; filename="${template.fileName}"`,
      'Cache-Control': 'private, max-age=300',
    },
  });
}
