import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { LogForm } from '../../src/components/LogForm';
import { DEMO } from '../../devcloud/seed';
import { shanghaiDay } from '../../core/time';
import { clearDraft, loadDraft, saveDraft } from '../../src/services/progress-draft';
import { useProgressQueue } from '../../src/stores/useProgressQueue';
import { startBackend, type Backend } from './backend';

const QUEUE_KEY = 'kc.progress.queue';

function queued(requestId: string, content: string, teamId: string = DEMO.teamA) {
  return {
    input: { teamId, day: shanghaiDay(Date.now()), content, requestId },
    teamName: '车规级芯片青年突击队',
  };
}

describe('offline progress: draft and queue', () => {
  let backend: Backend;
  let online: typeof fetch;
  beforeAll(async () => {
    backend = await startBackend();
    online = globalThis.fetch;
  });
  beforeEach(() => {
    localStorage.clear();
    useProgressQueue.setState({ items: [], flushing: false });
    globalThis.fetch = online;
    backend.calls.length = 0;
  });

  const goOffline = () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
  };

  it('keeps the draft on the phone until it is cleared', () => {
    const draft = {
      day: '2026-11-20',
      requestId: 'draft-req-0001',
      noProgress: false,
      content: '写到一半',
      evidenceKind: 'report' as const,
      evidenceRef: 'TR-1',
      photos: [],
      claimId: null,
      milestoneId: null,
    };
    saveDraft(DEMO.teamA, draft);
    expect(loadDraft(DEMO.teamA)).toEqual(draft);
    expect(loadDraft(DEMO.teamB)).toBeNull();
    clearDraft(DEMO.teamA);
    expect(loadDraft(DEMO.teamA)).toBeNull();
  });

  it('keeps a log whose send failed, survives a restart, and replays it exactly once', async () => {
    backend.signInAs(DEMO.memberA);
    useProgressQueue.getState().add(queued('offline-req-0001', '离线写下的进展'));
    goOffline();
    expect(await useProgressQueue.getState().flush()).toBe(0);
    expect(useProgressQueue.getState().items).toMatchObject([{ state: 'waiting', input: { requestId: 'offline-req-0001' } }]);

    // The app is closed and reopened: the queue comes back from storage.
    useProgressQueue.setState({ items: [] });
    useProgressQueue.getState().load();
    expect(useProgressQueue.getState().items).toHaveLength(1);

    globalThis.fetch = online;
    // The network event and the app reopening both flush; only one send goes out.
    const [first, second] = await Promise.all([useProgressQueue.getState().flush(), useProgressQueue.getState().flush()]);
    expect(first + second).toBe(1);
    expect(backend.calls.filter((call) => call === 'progress.log')).toHaveLength(1);
    expect(useProgressQueue.getState().items).toEqual([]);
    expect(Taro.getStorageSync(QUEUE_KEY)).toEqual([]);

    const { data } = await backend.cloud.db.collection('progress').where({ userId: DEMO.memberA, content: '离线写下的进展' }).get();
    expect(data).toHaveLength(1);
    expect(await useProgressQueue.getState().flush()).toBe(0);
    expect(backend.calls.filter((call) => call === 'progress.log')).toHaveLength(1);
  });

  it('shows a log the server refused with its reason, and lets the user discard it', async () => {
    backend.signInAs(DEMO.memberA);
    useProgressQueue.getState().add(queued('refused-req-0001', '不是本队成员写的', DEMO.teamB));
    useProgressQueue.getState().add(queued('good-req-0001', '第二条能发出去'));
    expect(await useProgressQueue.getState().flush()).toBe(1);
    expect(useProgressQueue.getState().items).toMatchObject([
      { state: 'refused', message: '只有本队成员可以进行此操作', input: { requestId: 'refused-req-0001' } },
    ]);
    // A refused item is not sent again on the next flush.
    expect(await useProgressQueue.getState().flush()).toBe(0);
    useProgressQueue.getState().discard('refused-req-0001');
    expect(useProgressQueue.getState().items).toEqual([]);
  });
});

describe('the 打卡 form after a queued log goes out', () => {
  it('says 今天已记录 once the log written offline reaches the server', async () => {
    const backend = await startBackend();
    backend.signInAs(DEMO.memberB);
    localStorage.clear();
    useProgressQueue.setState({ items: [], flushing: false, sent: 0 });
    render(<LogForm teamId={DEMO.teamB} />);
    await screen.findByText('今天的进展');
    expect(screen.queryByText(/今天已记录/)).toBeNull();

    useProgressQueue.getState().add(queued('offline-req-0101', '离线时完成的推理压测', DEMO.teamB));
    await act(async () => {
      await useProgressQueue.getState().flush();
    });
    await waitFor(() => expect(screen.getByText(/今天已记录/)).toBeTruthy());
  });
});
