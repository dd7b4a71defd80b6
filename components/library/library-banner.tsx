'use client';
// The banner over the canvas when another tab changed or deleted the open plan: saving has stopped, and the user
// chooses what happens to each version. Nothing is overwritten until then.
import { useLibraryController, useLibraryView } from './use-persistence';

export function LibraryBanner() {
  const { banner } = useLibraryView();
  const controller = useLibraryController();
  if (banner === null) return null;
  return (
    <div className="tw-banner" role="alert">
      <p className="tw-banner__text">
        <strong>{banner.message}</strong>{' '}
        <span className="tw-banner__more">
          {banner.kind === 'changed' ? 'Saving is paused here: neither version is lost.' : 'Your version is only in this tab now.'}
        </span>
      </p>
      <div className="tw-banner__actions">
        {banner.kind === 'changed' ? (
          <>
            <button type="button" className="tw-button tw-button--small tw-button--quiet" onClick={() => controller.loadTheirs()}>
              Load their version
            </button>
            <button type="button" className="tw-button tw-button--small" onClick={() => controller.keepMine()}>
              Keep mine as a copy
            </button>
          </>
        ) : (
          <button type="button" className="tw-button tw-button--small" onClick={() => controller.keepAsNew()}>
            Keep it as a new plan
          </button>
        )}
      </div>
    </div>
  );
}
