import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { fileUrl } from '@core/files';
import { toastFailure } from '@/hooks/feedback';
import { uploadFile } from '@/services/cloud';
import './index.scss';

export type PhotoPickerProps = {
  /** Stored file ids. */
  value: string[];
  max: number;
  folder: string;
  onChange: (fileIds: string[]) => void;
};

/** Pick and upload photos right away, so the form (and its saved draft) only ever holds stored ids. */
export function PhotoPicker({ value, max, folder, onChange }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false);

  const add = async () => {
    if (uploading) return;
    const room = max - value.length;
    let picked: string[];
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      picked = res.tempFilePaths;
    } catch {
      return; // the user closed the picker
    }
    // A browser's picker does not honour the count: say what was left out rather than drop it quietly.
    if (picked.length > room) {
      void Taro.showToast({ title: `最多 ${max} 张，已添加前 ${room} 张`, icon: 'none', duration: 2500 });
      picked = picked.slice(0, room);
    }
    setUploading(true);
    const added: string[] = [];
    for (const path of picked) {
      const uploaded = await uploadFile(path, folder);
      if (!uploaded.ok) {
        toastFailure(uploaded);
        break;
      }
      added.push(uploaded.data);
    }
    setUploading(false);
    onChange([...value, ...added]);
  };

  return (
    <View className='kc-photos'>
      {value.map((fileId) => (
        <View key={fileId} className='kc-photos__item'>
          <Image className='kc-photos__image' src={fileUrl(fileId)} mode='aspectFill' />
          <Text className='kc-photos__remove' aria-label='删除这张照片' onClick={() => onChange(value.filter((id) => id !== fileId))}>
            ×
          </Text>
        </View>
      ))}
      {value.length < max ? (
        <View className='kc-photos__add' onClick={add}>
          <Text>{uploading ? '上传中…' : '＋ 照片'}</Text>
        </View>
      ) : null}
    </View>
  );
}
