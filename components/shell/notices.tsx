'use client';
// Notices: what just happened or went wrong, read out by screen readers; problems listed with their paths.
import { useEffect } from 'react';
import { useAppStore } from '@/lib/store/provider';
import { selectDismiss, selectNotices } from '@/lib/store/selectors';
import type { Notice } from '@/lib/store/ui';
import { StorageUsage } from '../library/storage-usage';

const FADE_MS = 6000;

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useAppStore(selectDismiss);
  useEffect(() => {
    if (notice.sticky || notice.tone === 'error') return;
    const t = setTimeout(() => dismiss(notice.id), FADE_MS);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    <div className={`tw-notice tw-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <div className="tw-notice__body">
        <p className="tw-notice__text">{notice.text}</p>
        {notice.problems !== undefined && notice.problems.length > 0 && (
          <ul className="tw-notice__problems" aria-label="Problems">
            {notice.problems.slice(0, 50).map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
            {notice.problems.length > 50 && <li>…and {notice.problems.length - 50} more</li>}
          </ul>
        )}
        {notice.offer === 'storage' && <StorageUsage />}
      </div>
      <button type="button" className="tw-icon-button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useAppStore(selectNotices);
  return (
    <div className="tw-notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}
