import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PhotoPicker } from '../../src/components/PhotoPicker';

jest.mock('../../src/services/cloud', () => ({
  uploadFile: async (path: string) => ({ ok: true, data: `local://photos/${path.split('/').pop()}` }),
}));

describe('PhotoPicker', () => {
  it('says the limit instead of dropping the photos picked past it', async () => {
    const picked = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].map((name) => `blob:${name}`);
    jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: picked, tempFiles: [], errMsg: 'chooseImage:ok' } as never);
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
    const onChange = jest.fn();
    render(<PhotoPicker value={[]} max={3} folder='progress' onChange={onChange} />);
    await act(async () => {
      fireEvent.click(screen.getByText('＋ 照片'));
    });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '最多 3 张，已添加前 3 张' }));
    expect(onChange).toHaveBeenCalledWith(['local://photos/blob:a.jpg', 'local://photos/blob:b.jpg', 'local://photos/blob:c.jpg']);
  });
});
