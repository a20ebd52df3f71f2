import { fireEvent, render, screen } from '@testing-library/react';
import { PageState } from '../../src/components/PageState';

describe('PageState failures', () => {
  it('offers 重试 for a failure that may pass (the network, a service fault)', () => {
    const retry = jest.fn();
    render(<PageState loading={false} error={{ ok: false, code: 'INTERNAL', message: '服务暂时出现问题，请稍后重试' }} onRetry={retry} />);
    fireEvent.click(screen.getByText('重试'));
    expect(retry).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('返回')).toBeNull();
  });

  it('offers a way back, not 重试, when retrying cannot help (no permission, nothing there)', () => {
    const retry = jest.fn();
    const { unmount } = render(
      <PageState loading={false} error={{ ok: false, code: 'FORBIDDEN', message: '你没有权限进行此操作' }} onRetry={retry} />,
    );
    expect(screen.getByText('没有权限查看')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    expect(screen.getByText('返回')).toBeTruthy();
    unmount();
    render(<PageState loading={false} error={{ ok: false, code: 'NOT_FOUND', message: '要找的内容不存在或已被删除' }} onRetry={retry} />);
    expect(screen.getByText('找不到这项内容')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });
});
