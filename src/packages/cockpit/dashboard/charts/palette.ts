/** Colours the charts and their legends share (each at least 3:1 against white). */
export const SERIES_COLORS = ['#c8161d', '#1f5fbf', '#23824a', '#a86400', '#7446c2', '#0b7285', '#b5462a', '#5c6670'];

export const colorAt = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length];
