import { SearchBar } from '@nutui/nutui-react-taro';
import { useState } from 'react';

export type KeywordSearchProps = {
  placeholder: string;
  maxLength?: number;
  /** The words already searched for, shown in the box (e.g. a kept filter). */
  initial?: string;
  /** The words searched for (trimmed), or '' when cleared. */
  onSearch: (keyword: string) => void;
};

/** A board's search box: typing changes nothing until the search key; clearing shows everything again. */
export function KeywordSearch({ placeholder, maxLength = 30, initial = '', onSearch }: KeywordSearchProps) {
  const [typed, setTyped] = useState(initial);
  return (
    <SearchBar
      value={typed}
      placeholder={placeholder}
      maxLength={maxLength}
      onChange={setTyped}
      onSearch={(value) => onSearch(value.trim())}
      onClear={() => {
        setTyped('');
        onSearch('');
      }}
    />
  );
}
